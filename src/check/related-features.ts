/**
 * The features the learned relatedness model reads (is the article about the claim at all?): term
 * coverage and the best-matching sentences, numbers, bigram and opening overlap. Cheap: computed for
 * every pair, most of which, in a batch, are unrelated.
 */
import type { ArticleIndex } from "./article-index.ts";
import type { ClaimFeatures } from "./claim-features.ts";
import { OVERLAP_FEATURE_NAMES, overlapFeatures } from "./overlap-features.ts";

/** Term-overlap measurements, shared with the stance features. */
export const TERM_OVERLAP_NAMES = [
  "coverage",
  "mass",
  "best",
  "second",
  "coverage_x_best",
  "related_rule",
  "terms_log",
  "numbers_matched",
  "numbers_missing",
] as const;

export const RELATED_FEATURE_NAMES = [
  ...TERM_OVERLAP_NAMES,
  ...OVERLAP_FEATURE_NAMES.slice(0, 7),
  ...OVERLAP_FEATURE_NAMES.slice(-2),
] as const;

export function relatedFeatures(index: ArticleIndex, f: ClaimFeatures): number[] {
  const overlap = overlapFeatures(index, f);
  return [
    f.coverage,
    f.mass,
    f.best,
    f.matches[1]?.overlap ?? 0,
    f.coverage * f.best,
    f.coverage + f.best,
    Math.log1p(f.terms.length),
    f.numbersMatched > 0 ? 1 : 0,
    f.numbersMissing > 0 ? 1 : 0,
    ...overlap.slice(0, 7),
    ...overlap.slice(-2),
  ];
}
