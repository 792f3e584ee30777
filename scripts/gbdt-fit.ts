/**
 * Fits the gradient-boosted tree ensemble of src/check/gbdt.ts: softmax loss, one tree per class per
 * round, second-order leaf values (-G / (H + lambda)), splits searched over at most `bins` quantile
 * thresholds per feature on histograms, so a round costs rows × features per tree level.
 * Deterministic: row and feature sampling (if asked for) come from a fixed-seed generator.
 */
import type { Ensemble, Tree } from "../src/check/gbdt.ts";

export interface GbdtOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values. */
  lambda: number;
  /** Smallest hessian sum a leaf may hold. */
  minHessian: number;
  bins: number;
  /** Share of rows each tree is grown on (stochastic boosting; 1: all). */
  subsample?: number;
  /** Share of features each tree may split on (1: all). */
  colsample?: number;
}

/** A small deterministic generator: the same data always gives the same trees. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** Candidate thresholds per feature: distinct quantiles of the training values. */
function thresholdsOf(rows: readonly (readonly number[])[], j: number, bins: number): number[] {
  const values = rows.map((r) => r[j] ?? 0).sort((a, b) => a - b);
  const out: number[] = [];
  for (let q = 1; q < bins; q++) {
    const v = values[Math.floor((q * values.length) / bins)] ?? 0;
    if (out.length === 0 || v > (out[out.length - 1] ?? 0)) out.push(v);
  }
  // A threshold at the maximum separates nothing.
  const max = values[values.length - 1] ?? 0;
  return out.filter((t) => t < max);
}

export function fitEnsemble(
  rows: readonly (readonly number[])[],
  ys: readonly number[],
  classes: number,
  sampleWeight: readonly number[],
  o: GbdtOptions,
): Ensemble {
  const n = rows.length;
  const D = rows[0]?.length ?? 0;
  const cuts = Array.from({ length: D }, (_, j) => thresholdsOf(rows, j, o.bins));
  // Bin index per row and feature: the number of thresholds below the value.
  const binned = new Uint8Array(n * D);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < D; j++) {
      const c = cuts[j] ?? [];
      const v = rows[i]?.[j] ?? 0;
      let b = 0;
      while (b < c.length && v > (c[b] ?? 0)) b++;
      binned[i * D + j] = b;
    }
  }
  const prior = Array.from({ length: classes }, (_, k) => {
    let w = 0;
    let all = 0;
    ys.forEach((y, i) => {
      all += sampleWeight[i] ?? 1;
      if (y === k) w += sampleWeight[i] ?? 1;
    });
    return Math.log(Math.max(w, 1e-6) / all);
  });
  const F = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) for (let k = 0; k < classes; k++) F[i * classes + k] = prior[k] ?? 0;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Tree[][] = [];
  const inner = 2 ** o.depth - 1;
  const maxBins = o.bins + 1;
  const histG = new Float64Array(D * maxBins);
  const histH = new Float64Array(D * maxBins);
  const nodeOf = new Int32Array(n);
  const rand = lcg(7);
  const inSample = new Uint8Array(n);
  const usable = new Uint8Array(D);
  for (let round = 0; round < o.rounds; round++) {
    const roundTrees: Tree[] = [];
    const P = new Float64Array(n * classes);
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let k = 0; k < classes; k++) max = Math.max(max, F[i * classes + k] ?? 0);
      let sum = 0;
      for (let k = 0; k < classes; k++) {
        const e = Math.exp((F[i * classes + k] ?? 0) - max);
        P[i * classes + k] = e;
        sum += e;
      }
      for (let k = 0; k < classes; k++) P[i * classes + k] = (P[i * classes + k] ?? 0) / sum;
    }
    for (let k = 0; k < classes; k++) {
      for (let i = 0; i < n; i++) inSample[i] = rand() < (o.subsample ?? 1) ? 1 : 0;
      for (let j = 0; j < D; j++) usable[j] = rand() < (o.colsample ?? 1) ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const p = P[i * classes + k] ?? 0;
        const w = (sampleWeight[i] ?? 1) * (inSample[i] ?? 1);
        g[i] = w * (p - (ys[i] === k ? 1 : 0));
        h[i] = w * Math.max(p * (1 - p), 1e-6);
      }
      const tree: Tree = {
        feature: new Array<number>(inner).fill(-1),
        threshold: new Array<number>(inner).fill(0),
        value: new Array<number>(2 ** o.depth).fill(0),
      };
      nodeOf.fill(0);
      for (let d = 0; d < o.depth; d++) {
        const first = 2 ** d - 1;
        for (let node = first; node < first + 2 ** d; node++) {
          histG.fill(0);
          histH.fill(0);
          let G = 0;
          let H = 0;
          for (let i = 0; i < n; i++) {
            if (nodeOf[i] !== node) continue;
            const gi = g[i] ?? 0;
            const hi = h[i] ?? 0;
            G += gi;
            H += hi;
            for (let j = 0; j < D; j++) {
              const at = j * maxBins + (binned[i * D + j] ?? 0);
              histG[at] = (histG[at] ?? 0) + gi;
              histH[at] = (histH[at] ?? 0) + hi;
            }
          }
          if (H < 2 * o.minHessian) continue;
          const parent = (G * G) / (H + o.lambda);
          let bestGain = 1e-9;
          let bestF = -1;
          let bestB = 0;
          for (let j = 0; j < D; j++) {
            if (!usable[j]) continue;
            const c = cuts[j] ?? [];
            let GL = 0;
            let HL = 0;
            for (let b = 0; b < c.length; b++) {
              GL += histG[j * maxBins + b] ?? 0;
              HL += histH[j * maxBins + b] ?? 0;
              const GR = G - GL;
              const HR = H - HL;
              if (HL < o.minHessian || HR < o.minHessian) continue;
              const gain = (GL * GL) / (HL + o.lambda) + (GR * GR) / (HR + o.lambda) - parent;
              if (gain > bestGain) {
                bestGain = gain;
                bestF = j;
                bestB = b;
              }
            }
          }
          if (bestF < 0) continue;
          tree.feature[node] = bestF;
          tree.threshold[node] = cuts[bestF]?.[bestB] ?? 0;
        }
        // Route rows one level down.
        for (let i = 0; i < n; i++) {
          const node = nodeOf[i] ?? 0;
          const f = tree.feature[node] ?? -1;
          const right =
            f >= 0 && (binned[i * D + f] ?? 0) > cutIndex(cuts[f] ?? [], tree.threshold[node] ?? 0);
          nodeOf[i] = 2 * node + (right ? 2 : 1);
        }
      }
      const leafG = new Float64Array(2 ** o.depth);
      const leafH = new Float64Array(2 ** o.depth);
      for (let i = 0; i < n; i++) {
        const leaf = (nodeOf[i] ?? 0) - inner;
        leafG[leaf] = (leafG[leaf] ?? 0) + (g[i] ?? 0);
        leafH[leaf] = (leafH[leaf] ?? 0) + (h[i] ?? 0);
      }
      tree.value = Array.from(leafG, (G, leaf) => (-o.learningRate * G) / ((leafH[leaf] ?? 0) + o.lambda));
      for (let i = 0; i < n; i++) {
        const leaf = (nodeOf[i] ?? 0) - inner;
        F[i * classes + k] = (F[i * classes + k] ?? 0) + (tree.value[leaf] ?? 0);
      }
      roundTrees.push(tree);
    }
    trees.push(roundTrees);
  }
  return { depth: o.depth, base: prior, trees };
}

/** Index of a threshold among the feature's cuts (bin b goes left of cut b when b <= index). */
function cutIndex(cuts: readonly number[], threshold: number): number {
  return cuts.indexOf(threshold);
}
