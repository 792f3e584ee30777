/**
 * Offline claim checker: does an article support a one-line claim (a headline)? Relatedness comes
 * from content-word overlap; stance from debunk/denial and hedge/attribution cues near the sentences
 * that match the claim, flipped when the claim itself is a denial.
 */
import type { ClaimCheck } from "../digest/schema.ts";
import { words } from "../engine/text.ts";
import { type ArticleIndex, type IndexedSentence, indexArticle } from "./article-index.ts";
import { CLAIM_DEBUNK, CLAIM_HEDGE, CLAIM_NEGATION, cueMatches, NEGATED_DEBUNK } from "./lexicon.ts";
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
  /** Negated debunks in the claim ("not a hoax"): it asserts the story is real. */
  claimAffirmsReal: string[];
  claimHedged: string[];
  claimQuestion: boolean;
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
  const overlapOf = (has: (t: string) => boolean): number => {
    let hit = 0;
    terms.forEach((t, i) => {
      if (has(t)) hit += weights[i] ?? 1;
    });
    return hit / total;
  };
  const matches = index.sentences
    .map((sentence) => ({ sentence, overlap: overlapOf((t) => sentence.terms.has(t)) }))
    .filter((m) => m.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || a.sentence.order - b.sentence.order);
  let best = matches[0]?.overlap ?? 0;
  // A claim is often spread across two adjacent sentences.
  for (let i = 0; i + 1 < index.sentences.length; i++) {
    const a = index.sentences[i];
    const b = index.sentences[i + 1];
    if (!a || !b) continue;
    best = Math.max(best, overlapOf((t) => a.terms.has(t) || b.terms.has(t)) * 0.9);
  }
  let numbersMatched = 0;
  let numbersMissing = 0;
  for (const w of words(claim)) {
    if (!/^\d+$/.test(w)) continue;
    if (index.numbers.has(w)) numbersMatched++;
    else numbersMissing++;
  }
  return {
    terms,
    coverage: found / total,
    mass: mass / total,
    best,
    numbersMatched,
    numbersMissing,
    claimNegated: [...cueMatches(CLAIM_NEGATION, ownVoice(claim)), ...cueMatches(CLAIM_DEBUNK, claim)],
    claimAffirmsReal: cueMatches(NEGATED_DEBUNK, claim),
    claimHedged: cueMatches(CLAIM_HEDGE, claim),
    claimQuestion: /\?/.test(claim),
    matches,
  };
}

/**
 * The claim without quoted words or hyphenated compounds: a negation inside a quote ("'hands up,
 * don't shoot'") or a compound ("no-show fee") is part of the story, not the headline denying it.
 */
function ownVoice(claim: string): string {
  return claim
    .replace(/["“][^"“”]*["”]|‘.*?’(?!\p{L})|(?<!\p{L})'.*?'(?!\p{L})/gu, " ")
    .replace(/[\p{L}'’]+(?:-[\p{L}'’]+)+/gu, " ");
}

/** Thresholds of the method (not of any article), exported so a harness can read them. */
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

function quoteList(cues: string[]): string {
  return [...new Set(cues)]
    .slice(0, 3)
    .map((c) => `'${c}'`)
    .join(", ");
}

/** Up to three sentences as evidence, preferring those that carry the deciding cue. */
function pickEvidence(f: ClaimFeatures, prefer: (s: IndexedSentence) => boolean): ClaimCheck["evidence"] {
  const ranked = f.matches.slice(0, 12);
  const chosen = [...ranked.filter((m) => prefer(m.sentence) && m.overlap >= PARAMS.nearOverlap), ...ranked]
    .map((m) => m.sentence)
    .filter((s, i, all) => all.indexOf(s) === i)
    .slice(0, 3);
  return chosen.map((s) => ({ paragraph: s.paragraph, quote: s.text }));
}

const rejects = (s: IndexedSentence): boolean => s.refute.length + s.weakRefute.length + s.denial.length > 0;

export interface CheckOptions {
  /** Paragraphs to ignore: the junk the article's digest dropped. */
  junkParagraphs?: readonly number[];
}

export function checkClaim(article: string, claim: string, options: CheckOptions = {}): ClaimCheck {
  const index = indexArticle(article, options.junkParagraphs);
  const f = claimFeatures(index, claim);
  const n = f.terms.length;
  const foundTerms = f.terms.filter((t) => (index.sentenceFreq.get(t) ?? 0) > 0).length;
  const where = f.matches[0] ? ` (best in ¶${f.matches[0].sentence.paragraph})` : "";
  const overlapNote = `${foundTerms} of ${n} key terms found${where}`;
  if (n === 0 || f.coverage + f.best < PARAMS.relatedMin) {
    return {
      verdict: "not_covered",
      evidence: [],
      rationale: `article does not address the claim: only ${overlapNote}`,
    };
  }
  const cues = stanceCues(index, f);
  const against = quoteList([...cues.refute, ...cues.denial]);

  if (f.claimHedged.length > 0 || f.claimQuestion) {
    return {
      verdict: "unconfirmed",
      evidence: pickEvidence(f, (s) => s.hedge.length > 0),
      rationale: `${overlapNote}; the claim itself is tentative (${f.claimQuestion ? "a question" : quoteList(f.claimHedged)})`,
    };
  }
  if (f.claimNegated.length > 0 && f.claimAffirmsReal.length === 0) {
    // The claim is itself a denial or debunk: an article that debunks or reports a denial supports it.
    if (cues.contra >= PARAMS.agreeDenialMin) {
      return {
        verdict: "confirmed",
        evidence: pickEvidence(f, rejects),
        rationale: `${overlapNote}; the claim denies (${quoteList(f.claimNegated)}) and so does the article (${against || "negated"})`,
      };
    }
    // Why: an article that plainly reports the very story a claim denies contradicts the claim.
    if (cues.hedgeScore <= PARAMS.hedgeMax) {
      return {
        verdict: "contradicted",
        evidence: pickEvidence(f, (s) => s.hedge.length === 0),
        rationale: `${overlapNote}; the claim denies (${quoteList(f.claimNegated)}) but the article states the story plainly`,
      };
    }
    return {
      verdict: "unconfirmed",
      evidence: pickEvidence(f, () => false),
      rationale: `${overlapNote}; the claim denies (${quoteList(f.claimNegated)}) but the article does not take that line`,
    };
  }
  if (cues.contra >= PARAMS.contradictMin) {
    return {
      verdict: "contradicted",
      evidence: pickEvidence(f, rejects),
      rationale: `${overlapNote}; the article rejects it (${against || "negated"})`,
    };
  }
  if (cues.contra >= PARAMS.disputeMin) {
    return {
      verdict: "disputed",
      evidence: pickEvidence(f, rejects),
      rationale: `${overlapNote}; conflicting accounts (${against || "negated"})`,
    };
  }
  if (cues.hedgeScore > PARAMS.hedgeMax) {
    return {
      verdict: "unconfirmed",
      evidence: pickEvidence(f, (s) => s.hedge.length > 0),
      rationale: `${overlapNote}; hedged: ${quoteList(cues.hedge.length ? cues.hedge : cues.near.flatMap((s) => s.weakHedge))}`,
    };
  }
  return {
    verdict: "confirmed",
    evidence: pickEvidence(f, (s) => s.hedge.length === 0),
    rationale: `${overlapNote}; stated plainly, without hedges or denials`,
  };
}
