/**
 * A small gradient-boosted tree ensemble (multiclass, softmax): the stance model's learner. Each round
 * adds one depth-limited regression tree per class; a tree is stored as a complete binary tree in
 * level order (`feature`/`threshold` per inner node, `value` per leaf), numbers only. Trained by
 * scripts/gbdt-fit.ts; prediction costs depth × rounds × classes comparisons.
 */
import { z } from "zod";

export const TreeSchema = z.object({
  /** Feature index per inner node (level order); -1: no split, every row goes left. */
  feature: z.array(z.number().int()),
  /** Rows whose feature value is <= threshold go left. */
  threshold: z.array(z.number()),
  /** Leaf values (level order), already scaled by the learning rate. */
  value: z.array(z.number()),
});
export type Tree = z.infer<typeof TreeSchema>;

export const EnsembleSchema = z.object({
  depth: z.number().int().min(1).max(6),
  /** Initial score per class. */
  base: z.array(z.number()),
  /** `trees[round][class]`. */
  trees: z.array(z.array(TreeSchema)),
});
export type Ensemble = z.infer<typeof EnsembleSchema>;

/** The leaf a row falls into. */
export function leafOf(tree: Tree, depth: number, x: ArrayLike<number>): number {
  let node = 0;
  for (let d = 0; d < depth; d++) {
    const f = tree.feature[node] ?? -1;
    const right = f >= 0 && (x[f] ?? 0) > (tree.threshold[node] ?? 0);
    node = 2 * node + (right ? 2 : 1);
  }
  return node - (2 ** depth - 1);
}

/** Raw class scores (before softmax) for one row of features. */
export function ensembleScores(model: Ensemble, x: ArrayLike<number>): number[] {
  const scores = [...model.base];
  for (const round of model.trees) {
    round.forEach((tree, k) => {
      scores[k] = (scores[k] ?? 0) + (tree.value[leafOf(tree, model.depth, x)] ?? 0);
    });
  }
  return scores;
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}
