import { readFileSync } from "node:fs";
import { z } from "zod";
import { feature, hashString, Perceptron, PerceptronWeightsSchema } from "../nlp/perceptron.ts";
import { stem } from "../nlp/text.ts";
import { EntitySchema, PosSchema, shape, type Token, tokenize } from "../nlp/tokens.ts";
import { type Attribution, openingQuoteEnd, type Range } from "./attribution.ts";
import {
  headOf,
  isFragmentSource,
  leadingSourceStart,
  SOURCE_NOUN,
  sourceLooksValid,
  trimContent,
  trimSource,
} from "./attribution-source.ts";
import { SPEECH_VERBS } from "./lexicon.ts";

/**
 * The learned attribution tagger, after Citron (Newell et al. 2021): a cue classifier over the words
 * that were ever cues in the training articles, then a source tagger (B/I/O over the sentence's tokens)
 * conditioned on the nearest predicted cue; the content is the rest of the sentence on the far side of
 * the cue. Both are averaged perceptrons trained by `npm run train` on PolNeAR (scripts/train-attribution.ts).
 * Linear per sentence: one pass for cues, one greedy left-to-right pass for sources.
 */
export const AttributionModelSchema = z.object({
  cueWords: z.array(z.string()),
  /** Common nouns that headed a speaker in the training articles ("officials", "poll", "campaign"). */
  sourceHeads: z.array(z.string()).default([]),
  cue: PerceptronWeightsSchema,
  source: PerceptronWeightsSchema,
});
export type AttributionModel = z.infer<typeof AttributionModelSchema>;

export const CUE_CLASSES = ["O", "CUE"];
export const SOURCE_CLASSES = ["O", "B", "I"];

/** A sentence's tokens with their feature values hashed once. */
export interface TokenView {
  tokens: Token[];
  word: number[];
  pos: number[];
  entity: number[];
  /** Per token: 1 a quote mark before it in the sentence, 2 one after it, 3 both (0 none). */
  quoteSide: number[];
  /** Filled only for the source tagger, which alone reads spelling shapes. */
  shape: number[];
  quoted: boolean;
}

// The rules' speech verbs: a prior the cue classifier may weigh against context.
const SPEECH_LEMMAS = new Set(SPEECH_VERBS.filter((v) => !v.includes(" ")));

const START = hashString("<s>");
const END = hashString("</s>");
const POS_CODE = new Map(PosSchema.options.map((p, i) => [p, i + 1]));
const ENTITY_CODE = new Map(EntitySchema.options.map((e, i) => [e, i + 1]));

export function viewOf(tokens: Token[], withShapes = true): TokenView {
  const v: TokenView = {
    tokens,
    word: tokens.map((t) => hashString(t.lower)),
    pos: tokens.map((t) => POS_CODE.get(t.pos) ?? 0),
    entity: [],
    shape: [],
    quoted: tokens.some((t) => t.quoted),
    quoteSide: quoteSides(tokens),
  };
  if (withShapes) addShapes(v);
  return v;
}

const QUOTE_MARK = /^(?:["“”]|''|``)$/;

/** Where quotation marks stand relative to each token (two sweeps: linear). */
function quoteSides(tokens: Token[]): number[] {
  const out = new Array<number>(tokens.length).fill(0);
  let seen = 0;
  tokens.forEach((t, i) => {
    out[i] = seen;
    if (QUOTE_MARK.test(t.text)) seen = 1;
  });
  seen = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    out[i] = (out[i] ?? 0) | seen;
    if (QUOTE_MARK.test(tokens[i]?.text ?? "")) seen = 2;
  }
  return out;
}

/** Hash of a token's last three letters, read by both classifiers. */
const suffixOf = (v: TokenView, i: number) => hashString((v.tokens[i]?.lower ?? "").slice(-3));

const NOMINAL_HEAD = /^(?:PROPN|PRON|NOUN)$/;

/** The nearest noun or pronoun within four tokens before the cue: its distance, part of speech and entity. */
function subjectBefore(v: TokenView, i: number): number {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const t = v.tokens[j];
    if (t && NOMINAL_HEAD.test(t.pos))
      return feature(16, i - j, at(v.pos, j), ENTITY_CODE.get(t.entity) ?? 0);
  }
  return feature(16);
}

/** Entity codes and spelling shapes, which only the source tagger reads: filled when it runs. */
function addShapes(v: TokenView): void {
  if (v.shape.length === v.tokens.length && v.tokens.length > 0) return;
  v.entity = v.tokens.map((t) => ENTITY_CODE.get(t.entity) ?? 0);
  v.shape = v.tokens.map((t) => hashString(shape(t.text)));
}

const at = (values: number[], i: number) => values[i] ?? (i < 0 ? START : END);

/** Features of a candidate cue word: the word, its neighbours, parts of speech, quotation. */
export function cueFeatures(v: TokenView, i: number): number[] {
  const w = at(v.word, i);
  const w1 = at(v.word, i - 1);
  const w2 = at(v.word, i + 1);
  return [
    feature(1),
    feature(2, w),
    feature(3, at(v.pos, i)),
    feature(4, v.tokens[i]?.quoted ? 1 : 0, v.quoted ? 1 : 0),
    feature(5, w1),
    feature(6, w2),
    feature(7, at(v.pos, i - 1)),
    feature(8, at(v.pos, i + 1)),
    feature(9, w1, w),
    feature(10, w, w2),
    feature(11, Math.min(i, 6)),
    feature(12, suffixOf(v, i)),
    feature(13, SPEECH_LEMMAS.has(v.tokens[i]?.lower ?? "") ? 1 : 0, at(v.pos, i - 1)),
    feature(14, hashString(stem(v.tokens[i]?.lower ?? ""))),
    feature(15, at(v.pos, i - 2), at(v.pos, i - 1)),
    feature(17, at(v.pos, i + 1), at(v.pos, i + 2)),
    feature(18, v.quoteSide[i] ?? 0),
    subjectBefore(v, i),
  ];
}

/** Signed distance in buckets: 1, 2, 3, 4, 5-8, 9-15, 16+ on either side, as a small integer. */
function distanceBucket(d: number): number {
  const a = Math.abs(d);
  const b = a <= 4 ? a : a <= 8 ? 5 : a <= 15 ? 6 : 7;
  return d < 0 ? b + 1 : b + 9;
}

/** Tokens further than this from every cue are never tagged as a source. */
export const SOURCE_WINDOW = 12;

/**
 * How far the cue score must lead the other class for the tagger's reading to count. A speaker with a
 * proper name is a safer reading than a common noun ("Amazon said" vs "the paranoia remained"), so a
 * named source may stand on a weaker cue, and a common-noun source needs a clear one. Below zero the cue
 * must be a verb. Chosen by five-fold cross-validation on the training articles, scored as the
 * evaluator scores attribution (`npm run train -- --fold k/5` trains without fold k).
 */
const NAMED_MARGIN = -10;
const PLAIN_MARGIN = 0;
/** A lone pronoun is read as a speaker only on a very clear cue: the tagger mistakes many a doer for one. */
const PRONOUN_MARGIN = 20;
const CUE_MARGIN = Math.min(NAMED_MARGIN, PLAIN_MARGIN);

/**
 * A word seen as a cue in training, or any verb: the classifier judges a verb it never saw ("barked",
 * "downplayed") by its context, stem and subject. Five-fold CV F1 0.747 against 0.739 for the word list
 * alone, for about 5% of the digest throughput (every sentence without a ruled speaker is tokenized).
 */
export const isCueCandidate = (cueWords: ReadonlySet<string>, t: Token) =>
  cueWords.has(t.lower) || (t.pos === "VERB" && /^\p{Ll}/u.test(t.text));

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

/** Tag codes for the source tagger's history features. */
export const TAG_CODE: Record<string, number> = { "<s>": 1, O: 2, B: 3, I: 4 };

/**
 * Features of a token for the source tagger, given the nearest cue, the tag of the token before and
 * `marksBetween`, the commas and quote marks between token and cue.
 */
export function sourceFeatures(
  v: TokenView,
  i: number,
  cue: number,
  prev: string,
  marksBetween: number,
): number[] {
  const p = at(v.pos, i);
  const d = cue < 0 ? 0 : distanceBucket(i - cue);
  const side = cue < i ? 1 : 2;
  const m = Math.min(marksBetween, 3);
  const tag = TAG_CODE[prev] ?? 0;
  return [
    feature(21),
    feature(22, at(v.word, i)),
    feature(23, at(v.shape, i)),
    feature(24, p),
    feature(25, at(v.entity, i)),
    feature(26, v.tokens[i]?.quoted ? 1 : 0),
    feature(27, at(v.word, i - 1)),
    feature(28, at(v.pos, i - 1)),
    feature(29, at(v.pos, i + 1)),
    feature(30, tag),
    feature(31, tag, p),
    feature(32, d),
    feature(33, d, p),
    feature(34, cue < 0 ? 0 : at(v.word, cue), d),
    feature(35, m, side),
    feature(36, m, p, side),
    feature(37, at(v.word, i + 1)),
    feature(38, suffixOf(v, i)),
    feature(39, d, at(v.entity, i)),
    feature(40, i === 0 ? 1 : 0, p),
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

/**
 * The head of a speaker phrase: its last noun or pronoun before a preposition ("members" of "members of
 * Congress"), lower-cased. Undefined when the phrase holds none.
 */
export function speakerHead(tokens: readonly Token[]): Token | undefined {
  let head: Token | undefined;
  for (const t of tokens) {
    if (t.pos === "ADP" && head) break;
    if (NOMINAL_HEAD.test(t.pos)) head = t;
  }
  return head;
}

export class AttributionTagger {
  private readonly cueWords: Set<string>;
  private readonly sourceHeads: Set<string>;
  private readonly cue: Perceptron;
  private readonly source: Perceptron;

  constructor(model: AttributionModel) {
    this.cueWords = new Set(model.cueWords);
    this.sourceHeads = new Set(model.sourceHeads);
    this.cue = new Perceptron(model.cue.classes, model.cue);
    this.source = new Perceptron(model.source.classes, model.source);
  }

  /** How far each token's cue score leads the other class (-Infinity for words that cannot be cues). */
  cueMargins(tokens: Token[], v = viewOf(tokens, false)): number[] {
    return tokens.map((t, i) => {
      if (!isCueCandidate(this.cueWords, t)) return Number.NEGATIVE_INFINITY;
      const [o = 0, cue = 0] = this.cue.scores(cueFeatures(v, i));
      return cue - o;
    });
  }

  /** Which tokens are cues. */
  cues(tokens: Token[], v = viewOf(tokens, false)): boolean[] {
    return this.cueMargins(tokens, v).map((m) => m > CUE_MARGIN);
  }

  /** B/I/O source tags given the cues. */
  sources(tokens: Token[], cues: boolean[], v = viewOf(tokens)): string[] {
    addShapes(v);
    const cueOf = nearestCue(tokens.length, cues);
    const marks = marksToCue(tokens, cueOf);
    const tags: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const cue = cueOf[i] ?? -1;
      if (cue < 0 || Math.abs(i - cue) > SOURCE_WINDOW) {
        tags.push("O");
        continue;
      }
      const feats = sourceFeatures(v, i, cue, tags[i - 1] ?? "<s>", marks[i] ?? 0);
      let tag = this.source.predict(feats);
      if (tag === "I" && (tags[i - 1] ?? "O") === "O") tag = "B";
      tags.push(tag);
    }
    return tags;
  }

  /**
   * Speakers are people, bodies and documents: a phrase without a name is a speaker only when its head
   * noun headed one in training ("officials", "the poll") or is one the rules know ("union"), not
   * "his candidacy" or "the provision".
   */
  private canSpeak(span: readonly Token[]): boolean {
    const head = speakerHead(span);
    return (
      head !== undefined &&
      (head.pos === "PRON" || this.sourceHeads.has(head.lower) || SOURCE_NOUN.test(head.text))
    );
  }

  /** Attributions in one sentence: each cue with the nearest source span, the content beyond the cue. */
  tag(sentence: string): Attribution[] {
    const tokens = tokenize(sentence);
    const view = viewOf(tokens, false);
    const margins = this.cueMargins(tokens, view);
    const cues = margins.map((m) => m > CUE_MARGIN);
    if (!cues.includes(true)) return [];
    const tags = this.sources(tokens, cues, view);
    // "“Sit down,” Mott barked at them": an opening quotation before the speaker is what was said.
    const quoted = openingQuoteEnd(sentence);
    const cueSpans = spans(tokens, (i) => (cues[i] ? (cues[i - 1] ? "I" : "B") : "O"));
    const sourceSpans = spans(tokens, (i) => tags[i] ?? "O").map((span) => nounPhrase(tokens, span, cues));
    const out: Attribution[] = [];
    for (const c of cueSpans) {
      const found = nearest(sourceSpans, c);
      if (!found) continue;
      const src = endAtName(tokens, found);
      const source = sourceRange(sentence, src, c);
      if (source.end <= source.start) continue;
      const content =
        quoted > 0 && quoted <= src.start
          ? trimContent(sentence, 0, quoted)
          : src.end <= c.start
            ? trimContent(sentence, c.end, sentence.length)
            : trimContent(sentence, 0, Math.min(src.start, c.start));
      if (content.end - content.start < 8) continue;
      const confidence = Math.max(...margins.slice(c.first, c.last + 1));
      const named = tokens.slice(src.first, src.last + 1).some((t) => t.pos === "PROPN");
      // A relative pronoun is read as the phrase it stands for (antecedentOf), not as a pronoun.
      const pronoun =
        src.first === src.last &&
        tokens[src.first]?.pos === "PRON" &&
        !/^(?:which|who)$/.test(tokens[src.first]?.lower ?? "");
      if (confidence <= (named ? NAMED_MARGIN : pronoun ? PRONOUN_MARGIN : PLAIN_MARGIN)) continue;
      if (confidence <= 0 && tokens[c.first]?.pos !== "VERB") continue;
      if (!named && !pronoun && !this.canSpeak(tokens.slice(src.first, src.last + 1))) continue;
      if (src.last < c.first && (isPassive(tokens, c.first) || subjectlessParticiple(tokens, c.first)))
        continue;
      if (src.first > c.last && opensClause(tokens, src.last)) continue;
      out.push({
        source,
        cue: sentence.slice(c.start, c.end).toLowerCase(),
        content,
        inverted: src.start > c.start,
        confidence,
      });
    }
    return out;
  }
}

const BE = /^(?:am|is|are|was|were|be|been|being|['’]s|['’]re)$/;

/** "The car was spotted": the subject of a passive is what was acted on, never its speaker. */
function isPassive(tokens: readonly Token[], cue: number): boolean {
  const t = tokens[cue];
  if (!t || /ing$/.test(t.lower)) return false;
  let i = cue - 1;
  if (tokens[i]?.pos === "ADV") i--;
  return BE.test(tokens[i]?.lower ?? "");
}

/** "documents the AP received after filing a lawsuit": after a preposition a participle's doer is not the word before. */
function subjectlessParticiple(tokens: readonly Token[], cue: number): boolean {
  const before = tokens[cue - 1];
  return /ing$/.test(tokens[cue]?.lower ?? "") && (before?.pos === "ADP" || before?.pos === "SCONJ");
}

/** "said Wilson fired": a name followed by its own verb is the reported clause's subject, not the speaker. */
function opensClause(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  return next !== undefined && (next.pos === "VERB" || next.pos === "AUX");
}

/**
 * The learned span, widened to the rules' reading of the phrase before the cue when that reading holds
 * it and can be a speaker: "Priorities USA, a pro-Clinton group, emailed" is Priorities USA's, not the group's.
 */
function sourceRange(sentence: string, src: Range, cue: Range): Range {
  const learned = trimSource(sentence, src.start, src.end);
  // Only a head set off by a comma can be an appositive of a name before it.
  if (src.end > cue.start || !/,\s*$/.test(sentence.slice(Math.max(0, src.start - 3), src.start)))
    return learned;
  const start = leadingSourceStart(sentence, cue.start);
  if (start > src.start) return learned;
  const wide = trimSource(sentence, start, cue.start);
  const phrase = sentence.slice(wide.start, wide.end);
  return wide.end >= learned.end && sourceLooksValid(headOf(phrase)) && phrase.split(/\s+/).length <= 14
    ? wide
    : learned;
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

const NOMINAL = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);

/** Widens a tagged head to its whole noun phrase: "operator" to "The ferry operator". */
function nounPhrase(tokens: Token[], span: TokenSpan, cues: boolean[]): TokenSpan {
  let first = span.first;
  let last = span.last;
  const joins = (t: Token | undefined, i: number) =>
    t !== undefined && !cues[i] && (NOMINAL.has(t.pos) || /^['’]s?$/.test(t.text));
  while (first > 0 && joins(tokens[first - 1], first - 1) && tokens[first]?.pos !== "DET") first--;
  while (joins(tokens[last + 1], last + 1) && /^(?:NOUN|PROPN)$/.test(tokens[last + 1]?.pos ?? "")) last++;
  return {
    first,
    last,
    start: tokens[first]?.start ?? span.start,
    end: tokens[last]?.end ?? span.end,
  };
}

/**
 * "Hillary Clinton needs", "Mr. McConnell deflected numerous": a person's name ends the noun phrase,
 * and a verb never continues it; the span is cut back before either runs on.
 */
function endAtName(tokens: Token[], span: TokenSpan): TokenSpan {
  for (let i = span.first + 1; i <= span.last; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (!t || !prev) break;
    const afterPerson = prev.entity === "PERSON" && t.entity !== "PERSON" && /^\p{Ll}/u.test(t.text);
    if (t.pos === "VERB" || afterPerson)
      return { first: span.first, last: i - 1, start: span.start, end: prev.end };
  }
  return span;
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
  return tagger
    .tag(sentence)
    .map((a) => ({ ...a, source: antecedentOf(sentence, a.source) }))
    .filter((a) => !isFragmentSource(sentence.slice(a.source.start, a.source.end)));
}

// The noun phrase a relative pronoun stands for: "a potential advertiser, which said ...".
const ANTECEDENT =
  /((?:[Aa]n?|[Tt]he)\s+(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+|\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*)*),\s*$/u;

/** "X, which said C": the speaker is X, not "which". */
function antecedentOf(sentence: string, source: Range): Range {
  if (!/^(?:which|who)$/i.test(sentence.slice(source.start, source.end))) return source;
  const m = ANTECEDENT.exec(sentence.slice(Math.max(0, source.start - 80), source.start));
  if (!m?.[1]) return source;
  const start = source.start - m[0].length;
  return { start, end: start + m[1].length };
}
