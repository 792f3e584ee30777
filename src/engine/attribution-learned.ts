import { readFileSync } from "node:fs";
import { z } from "zod";
import { Perceptron, PerceptronWeightsSchema } from "../nlp/perceptron.ts";
import { shape, type Token, tokenize } from "../nlp/tokens.ts";
import type { Attribution, Range } from "./attribution.ts";
import { isFragmentSource, trimContent, trimSource } from "./attribution-source.ts";

/**
 * The learned attribution tagger, after Citron (Newell et al. 2021): a cue classifier over the words
 * that were ever cues in the training articles, then a source tagger (B/I/O over the sentence's tokens)
 * conditioned on the nearest predicted cue; the content is the rest of the sentence on the far side of
 * the cue. Both are averaged perceptrons trained by `npm run train` on PolNeAR (scripts/train-attribution.ts).
 * Linear per sentence: one pass for cues, one greedy left-to-right pass for sources.
 */
export const AttributionModelSchema = z.object({
  cueWords: z.array(z.string()),
  cue: PerceptronWeightsSchema,
  source: PerceptronWeightsSchema,
});
export type AttributionModel = z.infer<typeof AttributionModelSchema>;

export const CUE_CLASSES = ["O", "CUE"];
export const SOURCE_CLASSES = ["O", "B", "I"];

const lw = (tokens: Token[], i: number) => tokens[i]?.lower ?? (i < 0 ? "<s>" : "</s>");
const pw = (tokens: Token[], i: number) => tokens[i]?.pos ?? (i < 0 ? "<s>" : "</s>");

/** Features of a candidate cue word. */
export function cueFeatures(tokens: Token[], i: number, sentenceHasQuote: boolean): string[] {
  const t = tokens[i] as Token;
  const w = t.lower;
  return [
    "b",
    `w=${w}`,
    `s3=${w.slice(-3)}`,
    `p=${t.pos}`,
    `sh=${shape(t.text)}`,
    `q=${t.quoted}`,
    `sq=${sentenceHasQuote}`,
    `w-1=${lw(tokens, i - 1)}`,
    `w+1=${lw(tokens, i + 1)}`,
    `w-2=${lw(tokens, i - 2)}`,
    `w+2=${lw(tokens, i + 2)}`,
    `p-1=${pw(tokens, i - 1)}`,
    `p+1=${pw(tokens, i + 1)}`,
    `p-2=${pw(tokens, i - 2)}`,
    `p+2=${pw(tokens, i + 2)}`,
    `w-1w=${lw(tokens, i - 1)}|${w}`,
    `ww+1=${w}|${lw(tokens, i + 1)}`,
    `at=${Math.min(i, 6)}`,
    `left=${Math.min(tokens.length - i, 6)}`,
  ];
}

function distanceBucket(d: number): string {
  const a = Math.abs(d);
  const b = a <= 4 ? `${a}` : a <= 8 ? "5-8" : a <= 15 ? "9-15" : "16+";
  return `${d < 0 ? "-" : "+"}${b}`;
}

/** Tokens further than this from every cue are never tagged as a source. */
export const SOURCE_WINDOW = 15;

/** Closed-class words are never cues on their own: "to" of "according to" rides on "according". */
export const OPEN_CLASS = (t: Token) => !/^(?:PUNCT|NUM|DET|PRON|CCONJ|ADP|SCONJ|AUX|PART)$/.test(t.pos);

/** Index of the nearest cue token for every token (forward and backward sweep: linear). */
export function nearestCue(length: number, cues: boolean[]): number[] {
  const out = new Array<number>(length).fill(-1);
  let last = -1;
  for (let i = 0; i < length; i++) {
    if (cues[i]) last = i;
    out[i] = last;
  }
  last = -1;
  for (let i = length - 1; i >= 0; i--) {
    if (cues[i]) last = i;
    const before = out[i] ?? -1;
    if (last >= 0 && (before < 0 || last - i < i - before)) out[i] = last;
  }
  return out;
}

/**
 * Features of a token for the source tagger, given the nearest cue and the tags already given to
 * the two tokens before it. `punctBetween` counts commas and quote marks between token and cue.
 */
export function sourceFeatures(
  tokens: Token[],
  i: number,
  cue: number,
  prev: string,
  prev2: string,
  marksBetween: number,
): string[] {
  const t = tokens[i] as Token;
  const w = t.lower;
  const d = cue < 0 ? "none" : distanceBucket(i - cue);
  const cw = cue < 0 ? "none" : lw(tokens, cue);
  return [
    "b",
    `w=${w}`,
    `s3=${w.slice(-3)}`,
    `sh=${shape(t.text)}`,
    `p=${t.pos}`,
    `e=${t.entity}`,
    `q=${t.quoted}`,
    `w-1=${lw(tokens, i - 1)}`,
    `w+1=${lw(tokens, i + 1)}`,
    `p-1=${pw(tokens, i - 1)}`,
    `p+1=${pw(tokens, i + 1)}`,
    `t-1=${prev}`,
    `t-2=${prev2}|${prev}`,
    `t-1p=${prev}|${t.pos}`,
    `d=${d}`,
    `dp=${d}|${t.pos}`,
    `dw=${d}|${w}`,
    `cwd=${cw}|${d}`,
    `m=${Math.min(marksBetween, 3)}|${d.slice(0, 1)}`,
    `mp=${Math.min(marksBetween, 3)}|${t.pos}|${d.slice(0, 1)}`,
  ];
}

/** Commas, quote marks and dashes between each token and its cue (prefix sums: linear). */
export function marksToCue(tokens: Token[], cueOf: number[]): number[] {
  const prefix = [0];
  for (const t of tokens)
    prefix.push((prefix.at(-1) ?? 0) + (/^(?:,|["“”]|''|--|[—–―])$/.test(t.text) ? 1 : 0));
  return tokens.map((_, i) => {
    const c = cueOf[i] ?? -1;
    if (c < 0) return 0;
    const [a, b] = c < i ? [c + 1, i] : [i + 1, c];
    return (prefix[b] ?? 0) - (prefix[a] ?? 0);
  });
}

export class AttributionTagger {
  private readonly cueWords: Set<string>;
  private readonly cue: Perceptron;
  private readonly source: Perceptron;

  constructor(model: AttributionModel) {
    this.cueWords = new Set(model.cueWords);
    this.cue = new Perceptron(model.cue.classes, model.cue);
    this.source = new Perceptron(model.source.classes, model.source);
  }

  /** Which tokens are cues. */
  cues(tokens: Token[]): boolean[] {
    const quotes = tokens.some((t) => t.quoted);
    return tokens.map(
      (t, i) => this.cueWords.has(t.lower) && this.cue.predict(cueFeatures(tokens, i, quotes)) === "CUE",
    );
  }

  /** B/I/O source tags given the cues. */
  sources(tokens: Token[], cues: boolean[]): string[] {
    const cueOf = nearestCue(tokens.length, cues);
    const marks = marksToCue(tokens, cueOf);
    const tags: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const cue = cueOf[i] ?? -1;
      if (cue < 0 || Math.abs(i - cue) > SOURCE_WINDOW) {
        tags.push("O");
        continue;
      }
      const feats = sourceFeatures(tokens, i, cue, tags[i - 1] ?? "<s>", tags[i - 2] ?? "<s>", marks[i] ?? 0);
      let tag = this.source.predict(feats);
      if (tag === "I" && (tags[i - 1] ?? "O") === "O") tag = "B";
      tags.push(tag);
    }
    return tags;
  }

  /** Attributions in one sentence: each cue with the nearest source span, the content beyond the cue. */
  tag(sentence: string): Attribution[] {
    const tokens = tokenize(sentence);
    const cues = this.cues(tokens);
    if (!cues.includes(true)) return [];
    const tags = this.sources(tokens, cues);
    const cueSpans = spans(tokens, (i) => (cues[i] ? (cues[i - 1] ? "I" : "B") : "O"));
    const sourceSpans = spans(tokens, (i) => tags[i] ?? "O");
    const out: Attribution[] = [];
    for (const c of cueSpans) {
      const src = nearest(sourceSpans, c);
      if (!src) continue;
      const source = trimSource(sentence, src.start, src.end);
      if (source.end <= source.start) continue;
      const content =
        src.end <= c.start
          ? trimContent(sentence, c.end, sentence.length)
          : trimContent(sentence, 0, Math.min(src.start, c.start));
      if (content.end - content.start < 8) continue;
      out.push({
        source,
        cue: sentence.slice(c.start, c.end).toLowerCase(),
        content,
        inverted: src.start > c.start,
      });
    }
    return out;
  }
}

interface TokenSpan extends Range {
  first: number;
  last: number;
}

function spans(tokens: Token[], tagAt: (i: number) => string): TokenSpan[] {
  const out: TokenSpan[] = [];
  tokens.forEach((t, i) => {
    const tag = tagAt(i);
    const open = out.at(-1);
    if (tag === "I" && open && open.last === i - 1) {
      open.last = i;
      open.end = t.end;
    } else if (tag !== "O") out.push({ start: t.start, end: t.end, first: i, last: i });
  });
  return out;
}

function nearest(candidates: TokenSpan[], to: TokenSpan): TokenSpan | undefined {
  let best: TokenSpan | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const s of candidates) {
    const gap = s.last < to.first ? to.first - s.last : s.first > to.last ? s.first - to.last : 0;
    if (gap < bestGap) [best, bestGap] = [s, gap];
  }
  return best;
}

const WEIGHTS_URL = new URL("./attribution-weights.json", import.meta.url);
let shipped: AttributionTagger | null | undefined;

/** The tagger with the shipped weights, loaded once; null when no weights ship. */
export function shippedTagger(): AttributionTagger | null {
  if (shipped !== undefined) return shipped;
  try {
    shipped = new AttributionTagger(
      AttributionModelSchema.parse(JSON.parse(readFileSync(WEIGHTS_URL, "utf8"))),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    shipped = null;
  }
  return shipped;
}

/** The shipped tagger's attributions whose source can be a speaker (no fragment, no clause). */
export function learnedAttributions(sentence: string): Attribution[] {
  const tagger = shippedTagger();
  if (!tagger) return [];
  return tagger.tag(sentence).filter((a) => !isFragmentSource(sentence.slice(a.source.start, a.source.end)));
}
