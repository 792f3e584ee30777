/**
 * The furniture classifier: logistic regression over the block features (block-features.ts), with
 * weights learned by `npm run train:junk` (scripts/train-junk.ts) from real paragraphs of the training
 * articles and page furniture generated from our own templates. Only the weights ship. A linear model
 * on purpose: a small network fitted the templates' quirks and dropped real one-line bios.
 */
import { FEATURE_LABELS, FEATURE_NAMES, type FeatureName } from "./block-features.ts";
import { FURNITURE_WEIGHTS } from "./furniture-weights.ts";

export interface FurnitureWeights {
  /** Per feature, in FEATURE_NAMES order: mean and scale used to standardise it, and its weight. */
  mean: number[];
  scale: number[];
  weight: number[];
  bias: number;
  /** Probability above which the classifier alone drops a paragraph (very few false drops). */
  threshold: number;
}

export interface FurnitureScore {
  probability: number;
  /** The features that pushed most toward "furniture", strongest first. */
  because: FeatureName[];
}

/** Each feature's share of the logit. */
function contributions(vector: readonly number[], w: FurnitureWeights): number[] {
  return FEATURE_NAMES.map(
    (_, j) => ((w.weight[j] ?? 0) * ((vector[j] ?? 0) - (w.mean[j] ?? 0))) / (w.scale[j] ?? 1),
  );
}

/** How likely a paragraph's feature vector is page furniture. */
export function furnitureProbability(
  vector: readonly number[],
  w: FurnitureWeights = FURNITURE_WEIGHTS,
): number {
  const z = contributions(vector, w).reduce((s, c) => s + c, w.bias);
  return 1 / (1 + Math.exp(-z));
}

/** The probability and the features that weighed most toward furniture. */
export function scoreFurniture(
  vector: readonly number[],
  w: FurnitureWeights = FURNITURE_WEIGHTS,
): FurnitureScore {
  const parts = contributions(vector, w);
  const probability = 1 / (1 + Math.exp(-parts.reduce((s, c) => s + c, w.bias)));
  const because = FEATURE_NAMES.map((name, j) => [name, parts[j] ?? 0] as const)
    .filter(([, c]) => c > 0.5)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name]) => name);
  return { probability, because };
}

/** A feature as a reason: what it says when present, or its absence when being low is the evidence. */
export function featureInWords(name: FeatureName, vector: readonly number[], w: FurnitureWeights): string {
  const j = FEATURE_NAMES.indexOf(name);
  const [present, absent] = FEATURE_LABELS[name];
  return (vector[j] ?? 0) >= (w.mean[j] ?? 0) ? present : absent;
}
