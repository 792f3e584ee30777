/**
 * Overlap measurements between a claim and an article beyond single terms, as the FNC-1 feature
 * systems use them: adjacent-term pairs (bigrams of content stems) of the claim found in the article
 * and in its opening, term overlap with the opening sentences, where the best match stands, and the
 * parity of negations in the claim and its best-matching sentence. Claim-independent parts are
 * memoised per article index.
 */

import { memoizeWeak } from "../util/weak-memo.ts";
import type { ArticleIndex, IndexedSentence } from "./article-index.ts";
import type { ClaimFeatures } from "./claim-features.ts";
import { idfOf } from "./idf.ts";

/** Sentences counted as the article's opening. */
const LEAD = 2;

interface ArticleBigrams {
  all: Set<string>;
  lead: Set<string>;
  leadTerms: Set<string>;
  /** TF-IDF weight of each term over the whole article, and the vector's norm. */
  tfidf: Map<string, number>;
  norm: number;
}

function bigramsOf(sentences: readonly IndexedSentence[], into: Set<string>): void {
  for (const s of sentences) {
    let prev: string | undefined;
    for (const t of s.terms) {
      if (prev !== undefined) into.add(`${prev} ${t}`);
      prev = t;
    }
  }
}

const articleBigrams = memoizeWeak((index: ArticleIndex): ArticleBigrams => {
  const lead = index.sentences.slice(0, LEAD);
  const tfidf = new Map<string, number>();
  for (const [t, f] of index.sentenceFreq) tfidf.set(t, Math.log1p(f) * idfOf(t));
  let norm = 0;
  for (const w of tfidf.values()) norm += w * w;
  const b: ArticleBigrams = {
    all: new Set(),
    lead: new Set(),
    leadTerms: new Set(lead.flatMap((s) => [...s.terms])),
    tfidf,
    norm: Math.sqrt(norm),
  };
  bigramsOf(index.sentences, b.all);
  bigramsOf(lead, b.lead);
  return b;
});

export const OVERLAP_FEATURE_NAMES = [
  "bigram_hits",
  "bigram_lead_hits",
  "lead_overlap",
  "best_jaccard",
  "best_position",
  "sentences_log",
  "claim_terms_in_best",
  "claim_negation_odd",
  "best_negation_odd",
  "negation_parity_differs",
  "tfidf_cosine",
  "tfidf_best_cosine",
] as const;

export function overlapFeatures(index: ArticleIndex, f: ClaimFeatures): number[] {
  const b = articleBigrams(index);
  const n = f.terms.length;
  let hits = 0;
  let leadHits = 0;
  for (let i = 1; i < n; i++) {
    const g = `${f.terms[i - 1]} ${f.terms[i]}`;
    if (b.all.has(g)) hits++;
    if (b.lead.has(g)) leadHits++;
  }
  const pairs = Math.max(1, n - 1);
  let inLead = 0;
  for (const t of f.terms) if (b.leadTerms.has(t)) inLead++;
  const best = f.matches[0]?.sentence;
  let shared = 0;
  if (best) for (const t of f.terms) if (best.terms.has(t)) shared++;
  const union = n + (best?.terms.size ?? 0) - shared;
  // TF-IDF cosine of the claim (binary terms) with the article and with its best-matching sentence.
  let dot = 0;
  let claimNorm = 0;
  let bestDot = 0;
  for (const t of f.terms) {
    const idf = idfOf(t);
    claimNorm += idf * idf;
    dot += idf * (b.tfidf.get(t) ?? 0);
    if (best?.terms.has(t)) bestDot += idf * idf;
  }
  let bestNorm = 0;
  if (best) for (const t of best.terms) bestNorm += idfOf(t) ** 2;
  claimNorm = Math.sqrt(claimNorm);
  const claimOdd = f.claimNegated.length % 2;
  const bestOdd = (best?.negation.length ?? 0) % 2;
  return [
    hits / pairs,
    leadHits / pairs,
    inLead / Math.max(1, n),
    union > 0 ? shared / union : 0,
    best ? best.order / Math.max(1, index.sentences.length) : 1,
    Math.log1p(index.sentences.length),
    shared / Math.max(1, n),
    claimOdd,
    bestOdd,
    claimOdd !== bestOdd ? 1 : 0,
    claimNorm > 0 && b.norm > 0 ? dot / (claimNorm * b.norm) : 0,
    claimNorm > 0 && bestNorm > 0 ? bestDot / (claimNorm * Math.sqrt(bestNorm)) : 0,
  ];
}
