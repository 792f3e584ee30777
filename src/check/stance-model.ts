/**
 * The learned stance model: a small gradient-boosted tree ensemble (gbdt.ts) over `stanceFeatures`
 * and the sparse cue-word features, deciding whether an article that is about a claim agrees with it,
 * rejects it or only discusses it. Trained by `npm run train:check` (scripts/train-check.ts) and
 * shipped as src/check/weights.json (numbers and feature names only, no text).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { EnsembleSchema, ensembleScores, softmax } from "./gbdt.ts";
import { RELATED_FEATURE_NAMES } from "./related-features.ts";
import { FEATURE_NAMES } from "./stance-features.ts";

/** What the model decides between, for a claim the article is about (relatedness is decided before). */
export const STANCES = ["agree", "disagree", "discuss"] as const;
export type Stance = (typeof STANCES)[number];

export const StanceWeightsSchema = z.object({
  /** Dense feature names (`FEATURE_NAMES`), then the sparse cue-word keys the model reads. */
  features: z.array(z.string()),
  classes: z.array(z.enum(STANCES)),
  ensemble: EnsembleSchema,
  /**
   * Whether a rejection found by the hand-written rules stands whatever the model says (chosen by
   * cross-validation: the rules' debunk and denial cues are a high-precision signal of their own).
   */
  rulesReject: z.boolean(),
  /** Is the article about the claim at all: two classes (unrelated, related) over `RELATED_FEATURE_NAMES`. */
  related: z.object({
    features: z.array(z.string()),
    ensemble: EnsembleSchema,
    /** Related when the related score exceeds the unrelated one by more than this (chosen by cross-validation). */
    margin: z.number(),
  }),
  /** How the weights were made: data sizes, hyperparameters, cross-validated scores. */
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
  /** Whether the article is about the claim, from `relatedFeatures`. */
  related(features: readonly number[]): boolean;
}

export function stanceModel(weights: StanceWeights): StanceModel {
  const names = FEATURE_NAMES as readonly string[];
  if (weights.features.slice(0, names.length).join() !== names.join()) {
    throw new Error("stance weights were trained on other features: run npm run train:check");
  }
  const order = STANCES.map((s) => weights.classes.indexOf(s));
  if (order.some((i) => i < 0)) throw new Error("stance weights lack a class");
  const sparseKeys = weights.features.slice(names.length);
  if (weights.related.features.join() !== RELATED_FEATURE_NAMES.join()) {
    throw new Error("relatedness weights were trained on other features: run npm run train:check");
  }
  return {
    weights,
    probabilities(dense, sparse) {
      const x = [...dense.slice(0, names.length), ...sparseKeys.map((k) => sparse?.get(k) ?? 0)];
      const p = softmax(ensembleScores(weights.ensemble, x));
      return order.map((c) => p[c] ?? 0);
    },
    related(features) {
      const [unrelated = 0, related = 0] = ensembleScores(weights.related.ensemble, features);
      return related - unrelated > weights.related.margin;
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
