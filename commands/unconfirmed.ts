import { safe } from "../src/render/safe-text.ts";
import { byStatus, statementLine } from "../src/render/statements.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, digestCommand } from "./types.ts";

export const unconfirmed = digestCommand(
  {
    name: "unconfirmed",
    description: "Unconfirmed claims, disputed points and open questions",
    options: [articleOption],
  },
  (digest) => {
    const lines = (status: "unconfirmed" | "disputed" | "unknown") =>
      byStatus(digest, status).map((s) => {
        const other = (s.conflictsWith ?? [])
          .map((id) => digest.statements.find((x) => x.id === id))
          .filter((x) => x !== undefined)
          .map((x) => `\n   ↔ ${statementLine(digest, x, safe)}`)
          .join("");
        return `• ${statementLine(digest, s, safe)} — ${safe(s.rationale)}${other}`;
      });
    const fields = [
      { name: "Open questions", value: lines("unknown").join("\n") },
      { name: "Disputed", value: lines("disputed").join("\n") },
      { name: "Unconfirmed", value: lines("unconfirmed").join("\n") },
    ].filter((f) => f.value.length > 0);
    return {
      embeds: [
        {
          title: `Not confirmed — ${safe(digest.title)}`,
          ...(fields.length === 0 ? { description: "Everything in the article is confirmed." } : {}),
          color: STATUS_COLOR.unconfirmed,
          fields,
        },
      ],
    };
  },
);
