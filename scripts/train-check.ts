/**
 * Trains the claim checker's stance model (src/check/stance-model.ts) on the FNC-1 training pairs
 * (../shared/eval/train/fnc1-pairs.jsonl + fnc1-bodies.jsonl; bodies disjoint from the evaluation
 * pairs) and writes src/check/weights.json: feature means/scales, one weight row per class, and the
 * cross-validated scores. Only numbers are written, never text. Deterministic: same data, same file.
 *
 *   npm run train:check [-- --data DIR] [--folds 5] [--dry]
 *
 * The model is a multinomial logistic regression (full-batch Adam, L2). Regularisation, the class
 * weighting and per-class decision offsets are chosen by cross-validation split by article body, so
 * no body is ever scored by a model that saw it; the chosen setting is then refit on all pairs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyseClaim } from "../src/check/claim-check.ts";
import { isRelated } from "../src/check/rule-verdict.ts";
import { FEATURE_NAMES } from "../src/check/stance-features.ts";
import { STANCES, type StanceWeights, WEIGHTS_URL } from "../src/check/stance-model.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const dataDir = opt("data", join(import.meta.dirname, "..", "..", "shared", "eval", "train"));
const folds = Number(opt("folds", "5"));
const dry = args.includes("--dry");

interface Pair {
  bodyId: number;
  claim: string;
  stance: "agree" | "disagree" | "discuss" | "unrelated";
}
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

const bodies = new Map(
  readJsonl<{ bodyId: number; text: string }>(join(dataDir, "fnc1-bodies.jsonl")).map((b) => [
    b.bodyId,
    b.text,
  ]),
);
// Sorted by body so the checker's per-article cache is reused.
const pairs = readJsonl<Pair>(join(dataDir, "fnc1-pairs.jsonl")).sort((a, b) => a.bodyId - b.bodyId);

const started = Date.now();
const dense: number[][] = [];
const sparse: Map<string, number>[] = [];
const rule: number[] = [];
const Y: number[] = [];
const group: number[] = [];
// Scored over the four FNC-1 classes; the model decides the first three, relatedness is the rule's.
const CLASSES = [...STANCES, "unrelated"] as const;
const UNRELATED = CLASSES.indexOf("unrelated");
const RULE_STANCE = { confirmed: 0, contradicted: 1, unconfirmed: 2, disputed: 2, not_covered: 3 } as const;
const related: boolean[] = [];
for (const p of pairs) {
  const body = bodies.get(p.bodyId);
  if (body === undefined) continue;
  const a = analyseClaim(body, p.claim);
  dense.push(a.features);
  sparse.push(a.cueFeatures);
  rule.push(RULE_STANCE[a.rule.verdict]);
  related.push(isRelated(a.f));
  Y.push(CLASSES.indexOf(p.stance));
  group.push(p.bodyId);
}
console.log(
  `features: ${dense.length} pairs over ${bodies.size} bodies in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

// The cue-word vocabulary: keys seen in enough pairs to learn a weight for.
const MIN_PAIRS = 30;
const seen = new Map<string, number>();
for (const m of sparse) for (const k of m.keys()) seen.set(k, (seen.get(k) ?? 0) + 1);
const vocabulary = [...seen]
  .filter(([, n]) => n >= MIN_PAIRS)
  .map(([k]) => k)
  .sort();
const featureNames = [...FEATURE_NAMES, ...vocabulary];
const X = dense.map((d, i) => [...d, ...vocabulary.map((k) => sparse[i]?.get(k) ?? 0)]);
const D = featureNames.length;
console.log(`${FEATURE_NAMES.length} dense features, ${vocabulary.length} cue-word features`);
const K = STANCES.length;

function standardiser(rows: number[][]): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(D).fill(0);
  const scale = new Array<number>(D).fill(0);
  for (const r of rows) for (let j = 0; j < D; j++) mean[j] = (mean[j] ?? 0) + (r[j] ?? 0) / rows.length;
  for (const r of rows)
    for (let j = 0; j < D; j++)
      scale[j] = (scale[j] ?? 0) + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2 / rows.length;
  return { mean, scale: scale.map((v) => Math.sqrt(v) || 1) };
}

interface Fit {
  W: number[][];
  b: number[];
  mean: number[];
  scale: number[];
}

/** A small deterministic generator: the same data always gives the same weights. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** Multinomial logistic regression: mini-batch Adam, L2 on the weights (not the biases). */
function fitModel(rows: number[][], ys: number[], l2: number, classWeight: number[], epochs = 12): Fit {
  const { mean, scale } = standardiser(rows);
  const n = rows.length;
  const Z = new Float64Array(n * D);
  rows.forEach((r, i) => {
    for (let j = 0; j < D; j++) Z[i * D + j] = ((r[j] ?? 0) - (mean[j] ?? 0)) / (scale[j] ?? 1);
  });
  const P = (D + 1) * K; // row-major: class k owns [k*(D+1), (k+1)*(D+1)), its bias last
  const w = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const g = new Float64Array(P);
  const logits = new Float64Array(K);
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = lcg(42);
  const lr = 0.01;
  const batch = 128;
  let mean_cw = 0;
  for (const y of ys) mean_cw += (classWeight[y] ?? 1) / n;
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (let start = 0; start < n; start += batch) {
      g.fill(0);
      const end = Math.min(n, start + batch);
      for (let q = start; q < end; q++) {
        const i = order[q] ?? 0;
        const y = ys[i] ?? 0;
        const cw = (classWeight[y] ?? 1) / mean_cw / (end - start);
        let max = -Infinity;
        for (let k = 0; k < K; k++) {
          let s = w[k * (D + 1) + D] ?? 0;
          for (let j = 0; j < D; j++) s += (w[k * (D + 1) + j] ?? 0) * (Z[i * D + j] ?? 0);
          logits[k] = s;
          if (s > max) max = s;
        }
        let sum = 0;
        for (let k = 0; k < K; k++) {
          logits[k] = Math.exp((logits[k] ?? 0) - max);
          sum += logits[k] ?? 0;
        }
        for (let k = 0; k < K; k++) {
          const d = cw * ((logits[k] ?? 0) / sum - (k === y ? 1 : 0));
          for (let j = 0; j < D; j++)
            g[k * (D + 1) + j] = (g[k * (D + 1) + j] ?? 0) + d * (Z[i * D + j] ?? 0);
          g[k * (D + 1) + D] = (g[k * (D + 1) + D] ?? 0) + d;
        }
      }
      t++;
      for (let p = 0; p < P; p++) {
        const isBias = p % (D + 1) === D;
        const grad = (g[p] ?? 0) + (isBias ? 0 : l2 * (w[p] ?? 0));
        m[p] = 0.9 * (m[p] ?? 0) + 0.1 * grad;
        v[p] = 0.999 * (v[p] ?? 0) + 0.001 * grad * grad;
        w[p] =
          (w[p] ?? 0) -
          (lr * ((m[p] ?? 0) / (1 - 0.9 ** t))) / (Math.sqrt((v[p] ?? 0) / (1 - 0.999 ** t)) + 1e-8);
      }
    }
  }
  const W = Array.from({ length: K }, (_, k) => Array.from(w.subarray(k * (D + 1), k * (D + 1) + D)));
  const b = Array.from({ length: K }, (_, k) => w[k * (D + 1) + D] ?? 0);
  return { W, b, mean, scale };
}

function logitsOf(model: Fit, r: number[]): number[] {
  return model.W.map((row, k) =>
    row.reduce(
      (s, w, j) => s + w * (((r[j] ?? 0) - (model.mean[j] ?? 0)) / (model.scale[j] ?? 1)),
      model.b[k] ?? 0,
    ),
  );
}

/** The FNC-1 score (as the evaluator computes it) and the macro-F1 over the four classes. */
function score(gold: number[], pred: number[]): { fnc: number; macro: number; f1: number[] } {
  const C = CLASSES.length;
  let s = 0;
  let max = 0;
  const cm = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  gold.forEach((g, i) => {
    const p = pred[i] ?? UNRELATED;
    max += g === UNRELATED ? 0.25 : 1;
    if (g === p) s += g === UNRELATED ? 0.25 : 0.75;
    if (g !== UNRELATED && p !== UNRELATED) s += 0.25;
    (cm[g] as number[])[p] = (cm[g]?.[p] ?? 0) + 1;
  });
  const f1 = CLASSES.map((_, k) => {
    const tp = cm[k]?.[k] ?? 0;
    const prec = tp / (cm.reduce((a, r) => a + (r[k] ?? 0), 0) || 1);
    const rec = tp / ((cm[k] ?? []).reduce((a, x) => a + x, 0) || 1);
    return prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0;
  });
  return { fnc: s / max, macro: f1.reduce((a, x) => a + x, 0) / C, f1 };
}

const argmax = (xs: number[]): number => xs.indexOf(Math.max(...xs));
const objective = (r: { fnc: number; macro: number }): number => r.fnc + r.macro;

/** End-to-end predictions: the rule's relatedness, then the model's stance with per-class offsets. */
function predict(idx: readonly number[], logits: number[][], offsets: number[]): number[] {
  return idx.map((i) =>
    related[i] ? argmax((logits[i] ?? []).map((x, k) => x + (offsets[k] ?? 0))) : UNRELATED,
  );
}

/** Per-class additive offsets on the logits, by coordinate search on out-of-fold logits. */
function tuneOffsets(idx: readonly number[], logits: number[][]): number[] {
  const gold = idx.map((i) => Y[i] ?? 0);
  const off = new Array<number>(K).fill(0);
  let bestValue = objective(score(gold, predict(idx, logits, off)));
  for (let round = 0; round < 3; round++) {
    for (let k = 0; k < K - 1; k++) {
      for (let d = -2; d <= 2.0001; d += 0.1) {
        const trial = off.map((x, i) => (i === k ? d : x));
        const value = objective(score(gold, predict(idx, logits, trial)));
        if (value > bestValue + 1e-9) {
          bestValue = value;
          off[k] = d;
        }
      }
    }
  }
  return off.map((x) => Math.round(x * 100) / 100);
}

// Folds by body: a body (and every claim about it) is scored only by a model that never saw it.
const foldOf = (body: number): number => body % folds;
// The model learns only from pairs whose article is about the claim.
const trainable = (i: number): boolean => (Y[i] ?? UNRELATED) !== UNRELATED;
const all = X.map((_, i) => i);
const counts = STANCES.map((_, k) => Y.filter((y) => y === k).length);
const classWeights = (alpha: number): number[] => {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total / (K * c)) ** alpha);
};

function crossValidate(l2: number, alpha: number): number[][] {
  const logits: number[][] = new Array(X.length);
  for (let k = 0; k < folds; k++) {
    const trainIdx = all.filter((i) => trainable(i) && foldOf(group[i] ?? 0) !== k);
    const model = fitModel(
      trainIdx.map((i) => X[i] ?? []),
      trainIdx.map((i) => Y[i] ?? 0),
      l2,
      classWeights(alpha),
    );
    for (const i of all) if (foldOf(group[i] ?? 0) === k) logits[i] = logitsOf(model, X[i] ?? []);
  }
  return logits;
}

const fmt = (r: { fnc: number; macro: number; f1: number[] }): string =>
  `FNC-1 ${(100 * r.fnc).toFixed(1)}%, macro-F1 ${r.macro.toFixed(3)} (${CLASSES.map((s, k) => `${s} ${(r.f1[k] ?? 0).toFixed(3)}`).join(", ")})`;

console.log(`the hand-written rules alone: ${fmt(score(Y, rule))}`);

let chosen = { l2: 0, alpha: 0, offsets: [0, 0, 0], cv: score(Y, Y), value: -1 };
for (const l2 of opt("l2", "0.001").split(",").map(Number)) {
  for (const alpha of opt("alpha", "0,0.5").split(",").map(Number)) {
    const logits = crossValidate(l2, alpha);
    const raw = score(Y, predict(all, logits, [0, 0, 0]));
    // Offsets are tuned on half the folds' bodies and scored on the other half, so the reported
    // cross-validated figure is not flattered by the tuning.
    const half = (i: number): boolean => foldOf(group[i] ?? 0) % 2 === 0;
    const idxA = all.filter(half);
    const idxB = all.filter((i) => !half(i));
    const offA = tuneOffsets(idxA, logits);
    const offB = tuneOffsets(idxB, logits);
    const pred = all.map((i) => predict([i], logits, half(i) ? offB : offA)[0] ?? UNRELATED);
    const cv = score(Y, pred);
    console.log(
      `l2 ${l2} alpha ${alpha}: raw ${fmt(raw)}\n    with offsets (tuned on other folds) ${fmt(cv)}`,
    );
    if (objective(cv) > chosen.value) {
      chosen = { l2, alpha, offsets: tuneOffsets(all, logits), cv, value: objective(cv) };
    }
  }
}
// The model overrules the hand-written rules only where it is confident: the threshold is chosen by
// the same out-of-fold predictions (the rules alone are threshold 1).
const softmax = (l: number[]): number[] => {
  const m = Math.max(...l);
  const e = l.map((x) => Math.exp(x - m));
  const t = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / t);
};
const oof = crossValidate(chosen.l2, chosen.alpha);
let overrule = { threshold: 1, cv: score(Y, rule), value: objective(score(Y, rule)) };
for (const threshold of [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  const pred = all.map((i) => {
    if (!related[i]) return UNRELATED;
    const p = softmax((oof[i] ?? []).map((x, k) => x + (chosen.offsets[k] ?? 0)));
    const top = argmax(p);
    // The model settles agree against discuss; rejecting a claim stays with the rules, whose
    // debunk and denial cues carry over better (the model's disagree did not, on the development pairs).
    const DISAGREE = STANCES.indexOf("disagree");
    if (top === DISAGREE || rule[i] === DISAGREE) return rule[i] ?? UNRELATED;
    return (p[top] ?? 0) >= threshold ? top : (rule[i] ?? UNRELATED);
  });
  const cv = score(Y, pred);
  console.log(`model overrules the rules at p >= ${threshold}: ${fmt(cv)}`);
  // Only where it beats the rules on both measures: the FNC-1 score must not fall below theirs.
  if (objective(cv) > overrule.value && cv.fnc >= score(Y, rule).fnc)
    overrule = { threshold, cv, value: objective(cv) };
}
console.log(
  `chosen: l2 ${chosen.l2}, alpha ${chosen.alpha}, offsets ${chosen.offsets.join(" ")}, overrule at ${overrule.threshold}; cross-validated ${fmt(overrule.cv)}`,
);

const fitIdx = all.filter(trainable);
const final = fitModel(
  fitIdx.map((i) => X[i] ?? []),
  fitIdx.map((i) => Y[i] ?? 0),
  chosen.l2,
  classWeights(chosen.alpha),
);
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const weights: StanceWeights = {
  features: featureNames,
  classes: [...STANCES],
  mean: final.mean.map(round),
  scale: final.scale.map(round),
  weights: final.W.map((row) => row.map(round)),
  bias: final.b.map((b, k) => round(b + (chosen.offsets[k] ?? 0))),
  overrule: overrule.threshold,
  trained: {
    data: "FNC-1 training pairs (fnc1-pairs.jsonl, fnc1-bodies.jsonl)",
    pairs: X.length,
    relatedPairs: fitIdx.length,
    bodies: bodies.size,
    l2: chosen.l2,
    classWeightAlpha: chosen.alpha,
    folds,
    cvFncScore: round(overrule.cv.fnc),
    cvMacroF1: round(overrule.cv.macro),
  },
};
if (dry) console.log("dry run: weights not written");
else {
  writeFileSync(WEIGHTS_URL, `${JSON.stringify(weights)}\n`);
  console.log(`wrote ${WEIGHTS_URL.pathname}`);
}
