import type OpenAI from "openai";
import type { z } from "zod";
import type { Answerer } from "../../ask/answerer.ts";
import { offlineAnswerer } from "../../ask/answerer.ts";
import type { Digest, Evidence, Statement, Status } from "../../digest/schema.ts";
import type { Logger } from "../../log.ts";
import type { TokenBudget } from "./budget.ts";
import { locateQuote } from "./grounding.ts";
import { ModelAnswerSchema, ModelCheckSchema, strictJsonSchema } from "./model-schema.ts";
import { statementsOver } from "./overlap.ts";
import type { Prompts } from "./prompts.ts";
import { describeModelError, ModelFault, structuredCall } from "./structured-call.ts";
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
export interface ModelAnswererOptions {
  client: OpenAI;
  model: string;
  prompts: Prompts;
  log: Logger;
  /** The same monthly allowance the digests draw on: every model call counts. */
  budget?: TokenBudget;
}

export function modelAnswerer({ client, model, prompts, log, budget }: ModelAnswererOptions): Answerer {
  const schemas = { ask: strictJsonSchema(ModelAnswerSchema), check: strictJsonSchema(ModelCheckSchema) };
  async function call<T>(
    task: "ask" | "check",
    schema: z.ZodType<T>,
    content: string,
  ): Promise<T | undefined> {
    let spent = 0;
    try {
      const remaining = await budget?.remaining();
      if (remaining !== undefined && remaining <= 0)
        throw new ModelFault("the monthly token budget is used up");
      const { value } = await structuredCall(
        client,
        model,
        prompts,
        { task, schema, jsonSchema: schemas[task], content },
        (tokens) => {
          spent = tokens.prompt + tokens.completion;
        },
      );
      return value;
    } catch (error) {
      log.warn({ model, task, reason: describeModelError(error) }, "model failed: offline path answers");
      return undefined;
    } finally {
      if (spent > 0) await budget?.record(spent).catch(() => {});
    }
  }
  return {
    kind: "model",
    checkNeedsDigest: true,
    async ask(digest, question) {
      const answer = await call("ask", ModelAnswerSchema, material(digest, { question }));
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
      const result = await call("check", ModelCheckSchema, material(digest, { claim }));
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
