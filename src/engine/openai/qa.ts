import type OpenAI from "openai";
import type { Answerer } from "../../ask/answerer.ts";
import { offlineAnswerer } from "../../ask/answerer.ts";
import type { Digest, Evidence, Statement, Status } from "../../digest/schema.ts";
import type { Logger } from "../../log.ts";
import { locateQuote } from "./grounding.ts";
import { ModelAnswerSchema, ModelCheckSchema, strictJsonSchema } from "./model-schema.ts";
import { statementsOver } from "./overlap.ts";
import type { Prompts } from "./prompts.ts";
import { ungroundedWording } from "./wording.ts";

/** What the model may read: the digest's statements and the article's kept paragraphs, nothing else. */
function material(digest: Digest, extra: Record<string, string>): string {
  return JSON.stringify({
    ...extra,
    statements: digest.statements.map((s) => ({
      claim: s.claim,
      status: s.status,
      paragraphs: s.evidence.map((e) => e.paragraph),
      rationale: s.rationale,
    })),
    paragraphs: digest.paragraphs.filter((p) => !p.junk).map((p) => ({ index: p.index, text: p.text })),
  });
}

function grounded(digest: Digest, citations: { paragraph: number; quote: string }[]): Evidence[] {
  const out: Evidence[] = [];
  for (const c of citations) {
    const p = digest.paragraphs[c.paragraph];
    const quote = p && !p.junk ? locateQuote(p.text, c.quote) : undefined;
    if (quote) out.push({ paragraph: c.paragraph, quote });
  }
  return out;
}

/**
 * An answer is confirmed only when a confirmed statement of the digest reads the words it cites; otherwise
 * it takes the status the digest gives those words (unconfirmed when no statement reads them).
 */
function answerStatus(status: Status, over: Statement[]): Status {
  if (status !== "confirmed" || over.some((s) => s.status === "confirmed")) return status;
  return over[0]?.status ?? "unconfirmed";
}

/**
 * /ask and check through the model, answering only from the digest and the article's paragraphs; an
 * answer that cites nothing found in the article, or any model failure, falls back to the offline path.
 */
export function modelAnswerer(client: OpenAI, model: string, prompts: Prompts, log: Logger): Answerer {
  async function call<T>(
    task: "ask" | "check",
    schema: typeof ModelAnswerSchema | typeof ModelCheckSchema,
    content: string,
  ): Promise<T | undefined> {
    try {
      const completion = await client.chat.completions.create(
        {
          model,
          temperature: 0,
          messages: [
            { role: "system", content: prompts.text.system },
            { role: "user", content: prompts.text[task] },
            { role: "user", content },
          ],
          response_format: {
            type: "json_schema",
            json_schema: { name: task, strict: true, schema: strictJsonSchema(schema) },
          },
        },
        { headers: { "x-newsdesk-prompt-version": prompts.version } },
      );
      const choice = completion.choices[0];
      if (!choice || choice.message.refusal || choice.finish_reason === "length")
        throw new Error("no usable answer");
      const parsed = schema.safeParse(JSON.parse(choice.message.content ?? ""));
      if (!parsed.success) throw new Error("answer does not match the schema");
      return parsed.data as T;
    } catch (error) {
      log.warn(
        { model, task, reason: error instanceof Error ? error.message.slice(0, 160) : String(error) },
        "model failed: offline path answers",
      );
      return undefined;
    }
  }
  return {
    kind: "model",
    checkNeedsDigest: true,
    async ask(digest, question) {
      const answer = await call<ReturnType<typeof ModelAnswerSchema.parse>>(
        "ask",
        ModelAnswerSchema,
        material(digest, { question }),
      );
      if (!answer) return offlineAnswerer.ask(digest, question);
      if (answer.status === "not_covered")
        return { status: "not_covered", text: "The article does not say.", statements: [], paragraphs: [] };
      const evidence = grounded(digest, answer.citations);
      if (evidence.length === 0) return offlineAnswerer.ask(digest, question);
      const paragraphs = [...new Set(evidence.map((e) => e.paragraph))];
      // The answer may sum up the paragraphs it cites, but not add a quotation, name or number to them.
      const cited = paragraphs.map((i) => digest.paragraphs[i]?.text ?? "");
      if (ungroundedWording(answer.answer, cited)) return offlineAnswerer.ask(digest, question);
      const statements = digest.statements.filter((s) =>
        s.evidence.some((e) => paragraphs.includes(e.paragraph)),
      );
      return {
        status: answerStatus(answer.status, statementsOver(digest)(evidence)),
        text: answer.answer,
        statements,
        paragraphs,
      };
    },
    async check(article, claim, digest) {
      if (!digest) return offlineAnswerer.check(article, claim);
      const result = await call<ReturnType<typeof ModelCheckSchema.parse>>(
        "check",
        ModelCheckSchema,
        material(digest, { claim }),
      );
      if (!result) return offlineAnswerer.check(article, claim, digest);
      const evidence = grounded(digest, result.evidence);
      if (result.verdict !== "not_covered" && evidence.length === 0)
        return offlineAnswerer.check(article, claim, digest);
      return {
        verdict: result.verdict,
        evidence: result.verdict === "not_covered" ? [] : evidence,
        rationale: result.rationale,
      };
    },
  };
}
