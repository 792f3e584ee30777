import { answerQuestion } from "../src/ask/ask.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, type DigestCommand } from "./types.ts";

export const ask: DigestCommand = {
  definition: {
    name: "ask",
    description: "Ask a plain question about the article",
    options: [
      { name: "question", description: "Your question", type: "string", required: true },
      articleOption,
    ],
  },
  handle(digest, options) {
    const question = options.question ?? "";
    const answer = answerQuestion(digest, question);
    return {
      embeds: [
        {
          title: question.slice(0, 240) || "Question",
          description: answer.text,
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
};
