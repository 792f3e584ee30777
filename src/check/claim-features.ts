/**
 * What a claim and an article share: relatedness (content-word overlap, best-matching sentences) and
 * the stance cues near the sentences that match (debunk, denial, hedge, polarity). Everything here is
 * linear in the claim and in the article's sentences.
 */
import { words } from "../nlp/text.ts";
import type { ArticleIndex, IndexedSentence } from "./article-index.ts";
import { CLAIM_DEBUNK, CLAIM_HEDGE, CLAIM_NEGATION, cueMatches, NEGATED_DEBUNK } from "./lexicon.ts";
import { type Polarity, polarityOf } from "./polarity.ts";
import { termsOf, termWeight } from "./terms.ts";

export interface ClaimFeatures {
  terms: string[];
  /** Fraction of claim terms found anywhere in the article. */
  coverage: number;
  /** Coverage weighted by how often each found term recurs (topic words recur). */
  mass: number;
  /** Best fraction of claim terms found in one sentence (or a sentence and its successor). */
  best: number;
  numbersMatched: number;
  numbersMissing: number;
  claimNegated: string[];
  /** Debunk words in the claim ("hoax", "fake"), wherever they stand. */
  claimDebunk: string[];
  /** Negated debunks in the claim ("not a hoax"): it asserts the story is real. */
  claimAffirmsReal: string[];
  claimHedged: string[];
  claimQuestion: boolean;
  /** Which claim terms the claim itself negates, in its own voice (computed on first use). */
  readonly claimPolarity: Polarity;
  /** Sentences ranked by overlap with the claim, best first. */
  matches: { sentence: IndexedSentence; overlap: number }[];
}

export function claimFeatures(index: ArticleIndex, claim: string): ClaimFeatures {
  const terms = termsOf(claim);
  // Names the article itself capitalises weigh most; common words least.
  const weights = terms.map((t) => (index.names.has(t) ? 1.5 : termWeight(t)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let found = 0;
  let mass = 0;
  terms.forEach((t, i) => {
    const f = index.sentenceFreq.get(t) ?? 0;
    const w = weights[i] ?? 1;
    if (f > 0) found += w;
    mass += w * Math.min(1, Math.log2(1 + f) / 2);
  });
  // Overlap per sentence and per adjacent pair, from the postings of the claim's terms: the cost is
  // the number of sentences holding a claim term, not sentences times terms.
  const hits = new Map<number, number>();
  const pairs = new Map<number, number>();
  const add = (m: Map<number, number>, at: number, w: number): void => {
    m.set(at, (m.get(at) ?? 0) + w);
  };
  const count = index.sentences.length;
  terms.forEach((t, i) => {
    const w = weights[i] ?? 1;
    for (const o of index.postings.get(t) ?? []) {
      add(hits, o, w);
      // Pair (o, o + 1) holds the term through o; pair (o - 1, o) through o unless o - 1 holds it too.
      if (o + 1 < count) add(pairs, o, w);
      if (o >= 1 && !index.sentences[o - 1]?.terms.has(t)) add(pairs, o - 1, w);
    }
  });
  const matches: ClaimFeatures["matches"] = [];
  for (const [o, hit] of hits) {
    const sentence = index.sentences[o];
    if (sentence && hit > 0) matches.push({ sentence, overlap: hit / total });
  }
  matches.sort((a, b) => b.overlap - a.overlap || a.sentence.order - b.sentence.order);
  let best = matches[0]?.overlap ?? 0;
  // A claim is often spread across two adjacent sentences.
  for (const hit of pairs.values()) best = Math.max(best, (hit / total) * 0.9);
  let numbersMatched = 0;
  let numbersMissing = 0;
  for (const w of words(claim)) {
    if (!/^\d+$/.test(w)) continue;
    if (index.numbers.has(w)) numbersMatched++;
    else numbersMissing++;
  }
  const own = ownVoice(claim);
  const claimDebunk = cueMatches(CLAIM_DEBUNK, claim);
  // Only claims the article is about need their polarity: most claims in a batch are not.
  let polarity: Polarity | undefined;
  return {
    terms,
    coverage: found / total,
    mass: mass / total,
    best,
    numbersMatched,
    numbersMissing,
    claimNegated: [...cueMatches(CLAIM_NEGATION, own), ...claimDebunk],
    claimDebunk,
    claimAffirmsReal: cueMatches(NEGATED_DEBUNK, claim),
    claimHedged: cueMatches(CLAIM_HEDGE, claim),
    claimQuestion: claim.includes("?"),
    get claimPolarity() {
      polarity ??= polarityOf(own);
      return polarity;
    },
    matches,
  };
}

/**
 * The claim without quoted words or hyphenated compounds: a negation inside a quote ("'hands up,
 * don't shoot'") or a compound ("no-show fee") is part of the story, not the headline denying it.
 */
export function ownVoice(claim: string): string {
  // The lookbehind starts a compound only at a word's first letter, which keeps the scan linear.
  return withoutQuotes(claim).replace(/(?<![\p{L}'’-])[\p{L}'’]+(?:-[\p{L}'’]+)+/gu, " ");
}

const LETTER = /\p{L}/u;
const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);

/**
 * Blanks out quoted spans: "…", “…”, ‘…’ and '…' (single quotes only where they are not apostrophes).
 * One left-to-right pass with a forward-only search for each closing mark, so linear in the text
 * however many unmatched marks it holds (a lazy `‘.*?’` pattern is quadratic on those).
 */
export function withoutQuotes(text: string): string {
  if (!/["“‘']/.test(text)) return text;
  const closers = (open: string, close: string): number[] => {
    const at: number[] = [];
    if (!text.includes(open)) return at;
    for (let i = text.indexOf(close); i >= 0; i = text.indexOf(close, i + 1)) {
      // A single closing mark followed by a letter is an apostrophe ("don't"); double marks always close.
      if ((open === "‘" || open === "'") && isLetter(text[i + 1])) continue;
      at.push(i);
    }
    return at;
  };
  const kinds = new Map(
    [
      ['"', '"'],
      ["“", "”"],
      ["‘", "’"],
      ["'", "'"],
    ].map(([open = "", close = ""]) => [open, { at: closers(open, close), next: 0 }]),
  );
  const pieces: string[] = [];
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    const kind = kinds.get(c);
    // A single opening mark after a letter is an apostrophe or a closing mark, not an opening one.
    if (!kind || ((c === "'" || c === "‘") && isLetter(text[i - 1]))) {
      i++;
      continue;
    }
    while (kind.next < kind.at.length && (kind.at[kind.next] ?? 0) <= i) kind.next++;
    const end = kind.at[kind.next];
    if (end === undefined) {
      i++;
      continue;
    }
    pieces.push(text.slice(kept, i), " ");
    kept = end + 1;
    i = end + 1;
  }
  pieces.push(text.slice(kept));
  return pieces.join("");
}

/** Thresholds of the method (not of any article), shared with the rule verdicts (rule-verdict.ts). */
export const PARAMS = Object.freeze({
  relatedMin: 0.6, // coverage + best-sentence overlap needed to call an article "about" the claim
  nearOverlap: 0.2, // a sentence this close to the claim counts as discussing it
  nearCount: 6, // how many best-matching sentences to read for cues
  leadSentences: 3, // the opening sentences set the article's stance
  weakRefute: 0.5, // weight of a weak debunk cue relative to a strong one
  denial: 0.5, // weight of a denial cue
  negatedBest: 0.75, // weight of a plain negation in the best-matching sentence
  contradictMin: 2, // contra score needed to call a plain claim contradicted
  disputeMin: 1, // contra score above which a plain claim is disputed
  agreeDenialMin: 0.5, // contra score needed to confirm a claim that is itself a denial
  hedgeMax: 0.3, // hedge score above which an article only reports the claim
  localHedge: 0.2, // weight of hedges in the claim-matching sentences, added to the article-wide density
  localCount: 3, // how many best-matching sentences the local hedge score reads
});

export interface StanceCues {
  /** Weighted evidence that the article rejects the story. */
  contra: number;
  /** Article-wide hedge density plus hedging where the claim is discussed. */
  hedgeScore: number;
  refute: string[];
  denial: string[];
  hedge: string[];
  /** Sentences the cues were read from, best match first. */
  near: IndexedSentence[];
}

/** Debunk/denial/hedge cues in the sentences that match the claim and in the article's lead. */
export function stanceCues(index: ArticleIndex, f: ClaimFeatures): StanceCues {
  const near = f.matches
    .filter((m) => m.overlap >= PARAMS.nearOverlap)
    .slice(0, PARAMS.nearCount)
    .map((m) => m.sentence);
  const read = new Set(near);
  for (const s of index.sentences.slice(0, PARAMS.leadSentences)) read.add(s);
  const cues: StanceCues = { contra: 0, hedgeScore: 0, refute: [], denial: [], hedge: [], near };
  for (const s of read) {
    cues.refute.push(...s.refute, ...s.weakRefute);
    cues.denial.push(...s.denial);
    cues.hedge.push(...s.hedge);
    cues.contra +=
      s.refute.length + PARAMS.weakRefute * s.weakRefute.length + PARAMS.denial * s.denial.length;
  }
  const local = near.slice(0, PARAMS.localCount);
  let localHedges = 0;
  for (const s of local) localHedges += 2 * s.hedge.length + s.weakHedge.length;
  cues.hedgeScore = index.hedgeDensity + (PARAMS.localHedge * localHedges) / Math.max(1, local.length);
  const best = near[0];
  if (best && best.negation.length > 0) cues.contra += PARAMS.negatedBest;
  return cues;
}
