/**
 * The learned stance model: multinomial logistic regression over `stanceFeatures` deciding whether an
 * article that is about a claim agrees with it, rejects it or only discusses it, trained by
 * `npm run train:check` (scripts/train-check.ts) and shipped as src/check/weights.json (numbers only,
 * no text). Features are standardised with the training mean and scale stored beside the weights.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { FEATURE_NAMES } from "./stance-features.ts";

/** What the model decides between, for a claim the article is about (relatedness is decided before). */
export const STANCES = ["agree", "disagree", "discuss"] as const;
export type Stance = (typeof STANCES)[number];

export const StanceWeightsSchema = z.object({
  features: z.array(z.string()),
  classes: z.array(z.enum(STANCES)),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  /** One row per class, one column per feature. */
  weights: z.array(z.array(z.number())),
  bias: z.array(z.number()),
  /** The model overrules the hand-written rules only at this probability or above (chosen by cross-validation). */
  overrule: z.number().min(0).max(1),
  /** How the weights were made: data sizes, regularisation, cross-validated scores. */
  trained: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type StanceWeights = z.infer<typeof StanceWeightsSchema>;

export interface StanceModel {
  readonly weights: StanceWeights;
  /**
   * Class probabilities, in `STANCES` order, for the dense features (`FEATURE_NAMES` order) and the
   * sparse cue features (keys the model was not trained with are ignored).
   */
  probabilities(dense: readonly number[], sparse?: ReadonlyMap<string, number>): number[];
}

export function stanceModel(weights: StanceWeights): StanceModel {
  const names = FEATURE_NAMES as readonly string[];
  if (weights.features.slice(0, names.length).join() !== names.join()) {
    throw new Error("stance weights were trained on other features: run npm run train:check");
  }
  const order = STANCES.map((s) => weights.classes.indexOf(s));
  if (order.some((i) => i < 0)) throw new Error("stance weights lack a class");
  const rows = order.map((c) => weights.weights[c] ?? []);
  const bias = order.map((c) => weights.bias[c] ?? 0);
  const D = names.length;
  const sparseIndex = new Map(weights.features.slice(D).map((name, i) => [name, D + i]));
  const scaleOf = (j: number): number => weights.scale[j] || 1;
  // An absent sparse feature is a standardised (0 - mean) / scale: folded into one constant per class.
  const absent = rows.map((row) => {
    let sum = 0;
    for (let j = D; j < weights.features.length; j++)
      sum -= ((row[j] ?? 0) * (weights.mean[j] ?? 0)) / scaleOf(j);
    return sum;
  });
  return {
    weights,
    probabilities(dense, sparse) {
      const z = rows.map((row, k) => {
        let sum = (bias[k] ?? 0) + (absent[k] ?? 0);
        for (let j = 0; j < D; j++)
          sum += ((row[j] ?? 0) * ((dense[j] ?? 0) - (weights.mean[j] ?? 0))) / scaleOf(j);
        for (const [key, value] of sparse ?? []) {
          const j = sparseIndex.get(key);
          if (j !== undefined) sum += ((row[j] ?? 0) * value) / scaleOf(j);
        }
        return sum;
      });
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / total);
    },
  };
}

export const WEIGHTS_URL = new URL("./weights.json", import.meta.url);

let shipped: StanceModel | undefined;

/** The model shipped with the project, read once. */
export function shippedStanceModel(): StanceModel {
  shipped ??= stanceModel(StanceWeightsSchema.parse(JSON.parse(readFileSync(WEIGHTS_URL, "utf8"))));
  return shipped;
}
