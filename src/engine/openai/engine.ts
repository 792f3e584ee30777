import type OpenAI from "openai";
import type { Digest, EngineInfo, Usage } from "../../digest/schema.ts";
import type { Logger } from "../../log.ts";
import { normalizeInput, splitParagraphs } from "../../nlp/text.ts";
import type { DigestEngine } from "../engine.ts";
import { digestArticle } from "../offline.ts";
import { buildSummary } from "../summary.ts";
import { assemble } from "./assemble.ts";
import type { TokenBudget } from "./budget.ts";
import { downgradeOverconfident } from "./guard.ts";
import { type ModelDigest, ModelDigestSchema, strictJsonSchema } from "./model-schema.ts";
import type { Prompts } from "./prompts.ts";
import { MalformedAnswer, ModelFault, structuredCall } from "./structured-call.ts";

/** Version of this engine's own logic (grounding, guard, merging); with the model and prompts, the cache key. */
const LOGIC_VERSION = "g2";
// About 6,000 tokens of article per request: room for the answer in any current model's context.
const DEFAULT_CHUNK_CHARS = 24_000;
// More than this share of the model's statements without support in the article: trust none of it.
const MAX_DROPPED_SHARE = 0.5;

export interface OpenAIEngineOptions {
  client: OpenAI;
  model: string;
  prompts: Prompts;
  log: Logger;
  budget?: TokenBudget;
  prices: { inputPerMTok: number; outputPerMTok: number };
  chunkChars?: number;
}

export class OpenAIEngine implements DigestEngine {
  readonly info: EngineInfo;
  private readonly schema = strictJsonSchema(ModelDigestSchema);

  constructor(private readonly options: OpenAIEngineOptions) {
    this.info = { name: "openai", version: `${options.model}+${options.prompts.version}+${LOGIC_VERSION}` };
  }

  async digest(article: string): Promise<Digest> {
    const text = normalizeInput(article);
    const offline = digestArticle(article);
    const { log, model } = this.options;
    const remaining = await this.options.budget?.remaining();
    if (remaining !== undefined && remaining <= 0)
      throw new ModelFault("the monthly token budget is used up");
    const texts = splitParagraphs(text);
    const usage: Usage = { promptTokens: 0, completionTokens: 0, estimatedCostUsd: 0 };
    const parts: ModelDigest[] = [];
    try {
      for (const chunk of chunkParagraphs(texts, this.options.chunkChars ?? DEFAULT_CHUNK_CHARS))
        parts.push(await this.askWithRetry(texts, chunk, usage));
    } finally {
      // Spent tokens count whether or not the answers were usable.
      await this.record(usage);
    }
    log.info({ model, chunks: parts.length, ...usage, sha256: offline.inputSha256 }, "model usage");

    const grounded = assemble(texts, parts, offline.title);
    if (
      grounded.statements.length === 0 ||
      grounded.dropped / Math.max(1, grounded.proposed) > MAX_DROPPED_SHARE
    )
      throw new ModelFault(
        `${grounded.dropped} of ${grounded.proposed} statements from the model are not supported by the article`,
      );
    const downgraded = downgradeOverconfident(grounded.statements, grounded.sources, offline);
    return {
      title: grounded.title,
      // Built from the grounded, guarded statements: the summary never states more than they do.
      summary: buildSummary(grounded.title, grounded.paragraphs, grounded.statements),
      paragraphs: grounded.paragraphs,
      statements: grounded.statements,
      sources: grounded.sources,
      timeline: grounded.timeline,
      // The input's own repairs still apply; the model reads other languages, so no language warning.
      warnings: [
        ...offline.warnings.filter((w) => w.kind === "encoding_repaired"),
        ...grounded.warnings,
        ...downgraded,
      ],
      engine: { ...this.info, usage },
      inputSha256: offline.inputSha256,
    };
  }

  private async record(usage: Usage): Promise<void> {
    const { inputPerMTok, outputPerMTok } = this.options.prices;
    usage.estimatedCostUsd =
      (usage.promptTokens * inputPerMTok + usage.completionTokens * outputPerMTok) / 1e6;
    if (usage.promptTokens + usage.completionTokens > 0)
      await this.options.budget?.record(usage.promptTokens + usage.completionTokens);
  }

  /** One chunk; a malformed answer gets one more try (the client itself retries 429s, 5xx and timeouts). */
  private async askWithRetry(texts: string[], chunk: number[], usage: Usage): Promise<ModelDigest> {
    try {
      return await this.ask(texts, chunk, usage);
    } catch (error) {
      if (!(error instanceof MalformedAnswer)) throw error;
      this.options.log.warn(
        { model: this.options.model, reason: error.message },
        "model answer malformed: asking again",
      );
      try {
        return await this.ask(texts, chunk, usage);
      } catch (again) {
        throw again instanceof MalformedAnswer
          ? new ModelFault(`malformed answer twice: ${again.message}`)
          : again;
      }
    }
  }

  private async ask(texts: string[], chunk: number[], usage: Usage): Promise<ModelDigest> {
    const { client, model, prompts } = this.options;
    const { value } = await structuredCall(
      client,
      model,
      prompts,
      {
        task: "digest",
        schema: ModelDigestSchema,
        jsonSchema: this.schema,
        content: JSON.stringify({ paragraphs: chunk.map((index) => ({ index, text: texts[index] })) }),
      },
      (tokens) => {
        usage.promptTokens += tokens.prompt;
        usage.completionTokens += tokens.completion;
      },
    );
    return value;
  }
}

/** Paragraph indices in chunks under `maxChars`, the headline first in each so every chunk has context. */
export function chunkParagraphs(texts: string[], maxChars: number): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let size = 0;
  texts.forEach((text, index) => {
    if (index > 0 && current.length > 0 && size + text.length > maxChars) {
      chunks.push(current);
      current = [0];
      size = texts[0]?.length ?? 0;
    }
    current.push(index);
    size += text.length;
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}
