import { statusCounts } from "../src/render/statements.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, type DigestCommand } from "./types.ts";

export const summary: DigestCommand = {
  definition: {
    name: "summary",
    description: "Headline, summary and how much of the story is confirmed",
    options: [articleOption],
  },
  handle(digest) {
    const sources = digest.sources.map((s) => s.name).join(", ");
    return {
      embeds: [
        {
          title: digest.title,
          description: digest.summary,
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
};
