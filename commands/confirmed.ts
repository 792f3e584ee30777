import { safe } from "../src/render/safe-text.ts";
import { byStatus, statementLine } from "../src/render/statements.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, digestCommand } from "./types.ts";

export const confirmed = digestCommand(
  {
    name: "confirmed",
    description: "Only what is confirmed, with source and paragraph",
    options: [articleOption],
  },
  (digest) => {
    const facts = byStatus(digest, "confirmed");
    const rest = digest.statements.length - facts.length;
    return {
      embeds: [
        {
          title: `Confirmed — ${safe(digest.title)}`,
          description:
            facts.length > 0
              ? facts.map((s) => `• ${statementLine(digest, s, safe)}`).join("\n")
              : "Nothing is confirmed yet.",
          color: STATUS_COLOR.confirmed,
          fields: [],
          footer: `${rest} more statement${rest === 1 ? " is" : "s are"} not confirmed: see /unconfirmed`,
        },
      ],
    };
  },
);
