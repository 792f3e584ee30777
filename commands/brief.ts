import type { Digest } from "../src/digest/schema.ts";
import { withReadingNotice } from "../src/render/reading-notice.ts";
import { safe } from "../src/render/safe-text.ts";
import { byStatus, statementLine } from "../src/render/statements.ts";
import { type Reply, STATUS_COLOR } from "../src/reply.ts";
import { articleOption, digestCommand } from "./types.ts";

/** The "What we know / What we don't know" block: the /brief reply and the body of scheduled posts. */
export function briefReply(digest: Digest): Reply {
  const known = byStatus(digest, "confirmed").map((s) => `• ${statementLine(digest, s, safe)}`);
  // Open questions first, then contested accounts, then what is only reported.
  const unknown = [
    ...byStatus(digest, "unknown"),
    ...byStatus(digest, "disputed"),
    ...byStatus(digest, "unconfirmed"),
  ].map((s) => `• ${s.status === "unknown" ? "" : `(${s.status}) `}${statementLine(digest, s, safe)}`);
  return withReadingNotice(digest, {
    embeds: [
      {
        title: safe(digest.title),
        color: STATUS_COLOR.neutral,
        fields: [
          { name: "What we know", value: known.join("\n") || "Nothing confirmed yet." },
          { name: "What we don't know", value: unknown.join("\n") || "No open questions in the article." },
        ],
      },
    ],
  });
}

export const brief = digestCommand(
  { name: "brief", description: "What we know / what we don't know", options: [articleOption] },
  (digest) => briefReply(digest),
);
