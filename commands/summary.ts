import { safe } from "../src/render/safe-text.ts";
import { statusCounts } from "../src/render/statements.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, digestCommand } from "./types.ts";

export const summary = digestCommand(
  {
    name: "summary",
    description: "Headline, summary and how much of the story is confirmed",
    options: [articleOption],
  },
  (digest) => {
    const sources = digest.sources.map((s) => safe(s.name)).join(", ");
    return {
      embeds: [
        {
          title: safe(digest.title),
          description: safe(digest.summary),
          color: STATUS_COLOR.neutral,
          fields: [
            { name: "Status", value: statusCounts(digest) },
            ...(sources ? [{ name: "Sources", value: sources }] : []),
          ],
          footer: "Only confirmed facts are stated in the summary. /unconfirmed lists the rest.",
        },
      ],
    };
  },
);
