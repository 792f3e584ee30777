import { safe } from "../src/render/safe-text.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, digestCommand } from "./types.ts";

export const ask = digestCommand(
  {
    name: "ask",
    description: "Ask a plain question about the article",
    options: [
      { name: "question", description: "Your question", type: "string", required: true, maxLength: 300 },
      articleOption,
    ],
  },
  async (digest, options, { answerer }) => {
    const question = options.question;
    const answer = await answerer.ask(digest, question);
    return {
      embeds: [
        {
          title: safe(question.slice(0, 240)) || "Question",
          description: safe(answer.text),
          color: STATUS_COLOR[answer.status],
          fields: [],
          footer:
            answer.status === "not_covered"
              ? "Answered from the article only."
              : `Status: ${answer.status} · cites ${answer.paragraphs.map((p) => `¶${p}`).join(", ")}`,
        },
      ],
    };
  },
);
