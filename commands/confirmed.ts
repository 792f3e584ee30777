import { byStatus, statementLine } from "../src/render/statements.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, type DigestCommand } from "./types.ts";

export const confirmed: DigestCommand = {
  definition: {
    name: "confirmed",
    description: "Only what is confirmed, with source and paragraph",
    options: [articleOption],
  },
  handle(digest) {
    const facts = byStatus(digest, "confirmed");
    const rest = digest.statements.length - facts.length;
    return {
      embeds: [
        {
          title: `Confirmed — ${digest.title}`,
          description:
            facts.length > 0
              ? facts.map((s) => `• ${statementLine(digest, s)}`).join("\n")
              : "Nothing is confirmed yet.",
          color: STATUS_COLOR.confirmed,
          fields: [],
          footer: `${rest} more statement${rest === 1 ? " is" : "s are"} not confirmed: see /unconfirmed`,
        },
      ],
    };
  },
};
