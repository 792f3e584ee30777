/**
 * Junk detection: finds what a scraper picked up besides the story, so the digest can ignore it.
 * Two independent readings:
 * - page furniture (ads, share bars, bylines and contact lines, link lists, captions and credits,
 *   subscription prompts, embedded-post furniture, markup) by what a block IS: shallow block features
 *   weighed by a learned classifier (block-features.ts, furniture-model.ts);
 * - a spliced teaser of another story by its SHAPE (a title-like first line, a line break, then prose)
 *   and its LACK OF COHESION with the rest of the article (few shared terms, and no topical ones).
 *
 * Dropping a real paragraph is much worse than keeping junk, so the classifier's threshold is set for
 * very few false drops and a teaser needs both the shape and the lack of cohesion.
 */

import { contentTermsOf, words } from "../nlp/text.ts";
import { blockFeatures, FEATURE_NAMES, type FeatureName } from "./block-features.ts";
import { featureInWords, scoreFurniture } from "./furniture-model.ts";
import { type FurnitureShape, furnitureShape } from "./furniture-shapes.ts";
import { FURNITURE_WEIGHTS } from "./furniture-weights.ts";

// The classifier reads paragraphs up to this length (measured: none longer in the training articles
// comes near its threshold).
const FURNITURE_MAX_WORDS = 50;

export interface JunkVerdict {
  junk: boolean;
  /** Present only when junk: a short human explanation. */
  reason?: string;
}

/** Per-paragraph evidence, exported for harnesses and tests. */
export interface JunkSignals {
  /**
   * Shape of a spliced "headline + teaser": "block" = title line, line break, prose in one paragraph;
   * "split" = a lone title paragraph and the prose paragraph after it (text without blank lines).
   */
  teaserShape: "block" | "split" | "none";
  /**
   * The line break may be mere layout, which weakens the "block" shape: the article looks
   * hard-wrapped, or the line after the break starts in lower case as if the sentence went on.
   */
  weakBreak: boolean;
  /**
   * Term overlap with the rest of the article, relative to how cohesive its real paragraphs are
   * (1 = typical); for a "split" teaser, of the title and prose paragraphs together.
   */
  cohesion: number;
  /** Probability that the paragraph is page furniture, from the block features. */
  furniture: number;
  /** What weighed most toward furniture, in words. */
  furnitureBecause: string[];
  /** A structural furniture shape the paragraph has (furniture-shapes.ts). */
  shape?: FurnitureShape;
  /**
   * Reads as a plain sentence of running text: it ends like one, and neither addresses the reader,
   * nor speaks for the site, nor links, nor carries a label, separators or markup.
   */
  plainSentence: boolean;
}

const QUOTED = /["“”«»]/;

// A line that ends a sentence: final punctuation, possibly followed by closing quotes or brackets.
const SENTENCE_END = /[.!?…:;]["'”’)\]»]*$/u;

function lines(paragraph: string): string[] {
  return paragraph
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Short, unpunctuated at the end: reads as a headline (or a headline cut off by the scraper). */
function isTitleLine(line: string): boolean {
  if (line.length > 200) return false;
  const n = words(line).length;
  return n >= 2 && n <= 20 && !SENTENCE_END.test(line);
}

/** Reads as running text: enough words and a sentence ending. */
function isProse(text: string): boolean {
  return words(text).length >= 6 && SENTENCE_END.test(text);
}

/**
 * A title-like first line then prose: the shape of a spliced "headline + teaser" block. When the
 * article's line breaks are hard wrapping (wrapWidth > 0), a break after a full-width line is just
 * layout, so the title line must also be clearly shorter than the wrap width.
 */
function hasTeaserShape(paragraph: string, wrapWidth: number): boolean {
  if (!paragraph.includes("\n")) return false;
  const ls = lines(paragraph);
  const first = ls[0];
  if (first === undefined || ls.length < 2 || !isTitleLine(first)) return false;
  if (wrapWidth > 0 && first.length > 0.7 * wrapWidth) return false;
  // The rest must read as prose, not as a list of short unpunctuated items.
  const body = ls.slice(1);
  const bodyWords = body.reduce((n, l) => n + words(l).length, 0);
  return bodyWords >= 6 && body.every((l) => SENTENCE_END.test(l) || words(l).length >= 10);
}

/**
 * Line width when the article is hard-wrapped, else 0. Wrapped text has many multi-line paragraphs
 * and almost no line longer than a screen column; spliced blocks are few and carry long lines, so
 * they cannot make an article look wrapped on their own.
 */
function wrapWidthOf(paragraphs: string[]): number {
  const body = paragraphs.slice(1);
  const multi = body.filter((p) => lines(p).length >= 2);
  const all = body.flatMap(lines);
  if (multi.length < 4 || all.filter((l) => l.length > 100).length > 0.1 * all.length) return 0;
  const inner = multi
    .flatMap((p) =>
      lines(p)
        .slice(0, -1)
        .map((l) => l.length),
    )
    .sort((a, b) => a - b);
  return inner[Math.floor(0.9 * (inner.length - 1))] ?? 0;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Cohesion of a block of paragraphs with the presumed-real rest of the article (the block itself left
 * out). A shared term weighs by how many other paragraphs carry it (the headline counts double), so a
 * teaser that shares one passing place name scores low while a real paragraph that repeats the
 * story's actors and events scores high. Averaged over the block's distinct terms.
 */
function cohesionModel(termSets: Set<string>[], core: boolean[]): (block: number[]) => number {
  const weight = (i: number): number => (core[i] ? (i === 0 ? 2 : 1) : 0);
  const df = new Map<string, number>();
  termSets.forEach((terms, i) => {
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + weight(i));
  });
  return (block) => {
    const terms = new Set<string>();
    for (const i of block) for (const t of termSets[i] ?? []) terms.add(t);
    if (terms.size === 0) return 0;
    let score = 0;
    for (const t of terms) {
      let own = 0;
      for (const i of block) if (termSets[i]?.has(t)) own += weight(i);
      score += Math.log2(1 + Math.max(0, (df.get(t) ?? 0) - own));
    }
    return score / terms.size;
  };
}

type ShapeSignals = Omit<JunkSignals, "furniture" | "furnitureBecause" | "plainSentence" | "shape">;

/** Teaser shape and cohesion of each paragraph, and the block features the classifier reads. */
function readBlocks(paragraphs: string[]): {
  shapes: ShapeSignals[];
  features: number[][];
  wordCounts: number[];
} {
  const n = paragraphs.length;
  const wordLists = paragraphs.map(words);
  const termSets = wordLists.map((ws) => new Set(contentTermsOf(ws)));
  const wrapWidth = wrapWidthOf(paragraphs);
  const block = paragraphs.map((p, i) => i > 0 && hasTeaserShape(p, wrapWidth));
  // The same block when the text had no blank lines: a lone title paragraph, then a prose paragraph.
  const single = (i: number): boolean => lines(paragraphs[i] ?? "").length === 1;
  const splitTitle = paragraphs.map(
    (p, i) =>
      i > 0 && i + 1 < n && single(i) && single(i + 1) && isTitleLine(p) && isProse(paragraphs[i + 1] ?? ""),
  );
  const splitBody = paragraphs.map((_, i) => i > 0 && (splitTitle[i - 1] ?? false));
  // Presumed-real paragraphs define what the story is about: running prose outside teaser shapes
  // (furniture is mostly short, and two copies of one furniture line must not vouch for each other).
  const prose = paragraphs.map(
    (p, i) => i === 0 || ((wordLists[i]?.length ?? 0) >= 6 && SENTENCE_END.test(p)),
  );
  const outsideTeasers = prose.map((x, i) => x && !block[i] && !splitTitle[i] && !splitBody[i]);
  // In a short text laid out one line per paragraph every prose line may sit in a teaser shape; the
  // prose itself then stands for the story.
  const core = outsideTeasers.some((x, i) => x && i > 0) ? outsideTeasers : prose;
  const cohesion = cohesionModel(termSets, core);
  const own = paragraphs.map((_, i) => cohesion([i]));
  const reference = median(own.filter((_, i) => i > 0 && core[i] && (termSets[i]?.size ?? 0) >= 4));
  const relative = (score: number): number => (reference > 0 ? score / reference : 1);
  // Furniture is short: longer paragraphs are running text by length alone and are not described.
  const features = blockFeatures(paragraphs, {
    cohesion: own.map(relative),
    words: wordLists,
    wanted: wordLists.map((ws) => ws.length <= FURNITURE_MAX_WORDS),
  });
  const shapes = paragraphs.map((_, i): ShapeSignals => {
    const pair = splitTitle[i] ? [i, i + 1] : splitBody[i] ? [i - 1, i] : undefined;
    return {
      teaserShape: block[i] ? "block" : pair ? "split" : "none",
      // A title paragraph is judged with the prose after it; that prose also by itself, so a real
      // paragraph that happens to follow a foreign title line is not dropped with it.
      cohesion: relative(
        splitBody[i] ? Math.max(cohesion(pair ?? [i]), own[i] ?? 0) : pair ? cohesion(pair) : (own[i] ?? 0),
      ),
      weakBreak: wrapWidth > 0 || /\n\s*\p{Ll}/u.test(paragraphs[i] ?? ""),
    };
  });
  return { shapes, features, wordCounts: wordLists.map((ws) => ws.length) };
}

/**
 * The block feature vectors of an article's paragraphs, as the classifier sees them (for training);
 * empty for paragraphs too long for it to read.
 */
export function furnitureFeatureVectors(paragraphs: string[]): number[][] {
  return readBlocks(paragraphs).features;
}

/** The evidence behind each verdict (see detectJunk). */
export function junkSignals(paragraphs: string[]): JunkSignals[] {
  const { shapes, features, wordCounts } = readBlocks(paragraphs);
  const at = (name: FeatureName) => FEATURE_NAMES.indexOf(name);
  const webLabel = at("webLabel");
  const cohesion = at("cohesion");
  const sentenceEnd = at("sentenceEnd");
  const cues = (
    ["secondPerson", "firstPlural", "linkDensity", "email", "webLabel", "separators", "markup"] as const
  ).map(at);
  return shapes.map((shape, i) => {
    const vector = features[i] ?? [];
    const plainSentence = vector[sentenceEnd] === 1 && cues.every((j) => (vector[j] ?? 0) === 0);
    const furniture = scoreFurniture(vector);
    const signals: JunkSignals = {
      ...shape,
      furniture: furniture.probability,
      furnitureBecause: furniture.because.map((b) => featureInWords(b, vector, FURNITURE_WEIGHTS)),
      plainSentence,
    };
    const found = furnitureShape(
      paragraphs[i] ?? "",
      wordCounts[i] ?? 0,
      vector[cohesion] ?? 1,
      vector[webLabel] === 1,
    );
    if (found) signals.shape = found;
    return signals;
  });
}

// Highest relative cohesion at which a teaser-shaped block is still foreign. Real paragraphs sit
// around 1, spliced teasers mostly below 0.3. Stricter when the shape evidence is weaker: in
// hard-wrapped text, at a lower-case continuation, or for a title paragraph + prose paragraph pair
// (which a subheading and its section also form).
const TEASER_MAX_COHESION = { block: 0.7, weakBreak: 0.4, split: 0.35 } as const;

/** One verdict per paragraph, same order. Paragraph 0 (the headline) is never junk. */
export function detectJunk(paragraphs: string[]): JunkVerdict[] {
  const signals = junkSignals(paragraphs);
  const furniture = signals.map(
    (s, i) =>
      i > 0 &&
      (s.shape !== undefined ||
        // The classifier alone needs a second, structural cue: it never drops a paragraph that
        // quotes someone, nor a plain sentence of running text.
        (s.furniture >= FURNITURE_WEIGHTS.threshold &&
          !s.plainSentence &&
          !QUOTED.test(paragraphs[i] ?? ""))),
  );
  return signals.map((s, i): JunkVerdict => {
    if (i === 0) return { junk: false };
    if (s.shape) return { junk: true, reason: `page furniture: ${s.shape}` };
    if (furniture[i])
      return { junk: true, reason: `page furniture (${s.furnitureBecause.join(", ") || "block features"})` };
    // A furniture line is no foreign headline: the paragraph after it is judged on its own.
    if (s.teaserShape === "split" && furniture[i - 1] && signals[i - 1]?.teaserShape === "split")
      return { junk: false };
    const limit =
      s.teaserShape === "block"
        ? s.weakBreak
          ? TEASER_MAX_COHESION.weakBreak
          : TEASER_MAX_COHESION.block
        : s.teaserShape === "split"
          ? TEASER_MAX_COHESION.split
          : -1;
    if (s.cohesion < limit)
      return { junk: true, reason: "unrelated teaser: shares almost no terms with the story" };
    return { junk: false };
  });
}
