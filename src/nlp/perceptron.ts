import { z } from "zod";

/** FNV-1a hash of a string: feature values are hashed once per token, never concatenated. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const FEATURE_BITS = 0x3fffffff; // small integers, the fastest Map keys

/** One hashed feature from a template number and up to three values (hashes or small integers). */
export function feature(template: number, a = 0, b = 0, c = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x165667b1);
  return (h ^ (h >>> 16)) & FEATURE_BITS;
}

/**
 * An averaged perceptron (Collins 2002) over sparse hashed features: the classic, fast linear tagger.
 * Training keeps running sums so the shipped weights are the average over every update, which
 * generalises far better than the last weights. Shipped weights are pruned and quantised to integers.
 */
export const PerceptronWeightsSchema = z.object({
  classes: z.array(z.string()).min(2),
  /** Integer weights divided by this give the learned ones. */
  scale: z.number().positive(),
  /** Base64 of the features' hashes, little-endian 32-bit. */
  features: z.string(),
  /** Base64 of one signed byte per feature and class, features in order: compact and fast to load. */
  weights: z.string(),
});
export type PerceptronWeights = z.infer<typeof PerceptronWeightsSchema>;

export class Perceptron {
  readonly classes: string[];
  private readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(classes: string[], weights?: PerceptronWeights) {
    this.classes = classes;
    if (!weights) return;
    const bytes = new Int8Array(Uint8Array.from(Buffer.from(weights.weights, "base64")).buffer);
    const hashes = new Uint32Array(Uint8Array.from(Buffer.from(weights.features, "base64")).buffer);
    const n = classes.length;
    if (bytes.length < hashes.length * n) throw new Error("perceptron weights are truncated");
    // Shipped weights are read-only: an open-addressing table of typed arrays beats a Map on every look-up.
    let size = 1;
    while (size < hashes.length * 2) size *= 2;
    const keys = new Int32Array(size).fill(-1);
    const values = new Float32Array(size * n);
    hashes.forEach((feature, f) => {
      let slot = feature & (size - 1);
      while (keys[slot] !== -1) slot = (slot + 1) & (size - 1);
      keys[slot] = feature;
      for (let c = 0; c < n; c++) values[slot * n + c] = (bytes[f * n + c] ?? 0) / weights.scale;
    });
    this.table = { keys, values, mask: size - 1 };
  }

  private table: { keys: Int32Array; values: Float32Array; mask: number } | undefined;

  static load(data: unknown): Perceptron {
    const parsed = PerceptronWeightsSchema.parse(data);
    return new Perceptron(parsed.classes, parsed);
  }

  /** Scores of every class; linear in the number of features. */
  scores(features: readonly number[]): Float64Array {
    const out = new Float64Array(this.classes.length);
    const table = this.table;
    if (table) {
      const n = out.length;
      for (const f of features) {
        for (let slot = f & table.mask; ; slot = (slot + 1) & table.mask) {
          const key = table.keys[slot];
          if (key === -1) break;
          if (key !== f) continue;
          for (let c = 0; c < n; c++) out[c] = (out[c] ?? 0) + (table.values[slot * n + c] ?? 0);
          break;
        }
      }
      return out;
    }
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let c = 0; c < out.length; c++) out[c] = (out[c] ?? 0) + (w[c] ?? 0);
    }
    return out;
  }

  predict(features: readonly number[]): string {
    const s = this.scores(features);
    let best = 0;
    for (let c = 1; c < s.length; c++) if ((s[c] ?? 0) > (s[best] ?? 0)) best = c;
    return this.classes[best] ?? this.classes[0] ?? "";
  }

  /** One training step: moves weight from the predicted class to the true one when they differ. */
  update(truth: string, guess: string, features: readonly number[]): void {
    this.instances++;
    if (truth === guess) return;
    const t = this.classes.indexOf(truth);
    const g = this.classes.indexOf(guess);
    for (const f of features) {
      this.bump(f, t, 1);
      this.bump(f, g, -1);
    }
  }

  private bump(feature: number, c: number, delta: number): void {
    const n = this.classes.length;
    let w = this.weights.get(feature);
    if (!w) {
      w = new Float64Array(n);
      this.weights.set(feature, w);
      this.totals.set(feature, new Float64Array(n));
      this.stamps.set(feature, new Float64Array(n));
    }
    const totals = this.totals.get(feature) as Float64Array;
    const stamps = this.stamps.get(feature) as Float64Array;
    totals[c] = (totals[c] ?? 0) + (this.instances - (stamps[c] ?? 0)) * (w[c] ?? 0);
    stamps[c] = this.instances;
    w[c] = (w[c] ?? 0) + delta;
  }

  /**
   * Averaged weights, pruned (a feature whose weights all stay below `minWeight` is dropped) and
   * quantised to one signed byte each, ready to ship.
   */
  export(minWeight: number): PerceptronWeights {
    const kept: [number, number[]][] = [];
    let max = 0;
    for (const [feature, w] of this.weights) {
      const totals = this.totals.get(feature) ?? new Float64Array(w.length);
      const stamps = this.stamps.get(feature) ?? new Float64Array(w.length);
      const avg = Array.from(w, (v, c) => {
        const total = (totals[c] ?? 0) + (this.instances - (stamps[c] ?? 0)) * v;
        return total / Math.max(1, this.instances);
      });
      if (avg.every((v) => Math.abs(v) < minWeight)) continue;
      kept.push([feature, avg]);
      for (const v of avg) max = Math.max(max, Math.abs(v));
    }
    const scale = 127 / (max || 1);
    const bytes = new Int8Array(kept.length * this.classes.length);
    kept.forEach(([, avg], f) => {
      avg.forEach((v, c) => {
        bytes[f * this.classes.length + c] = Math.round(v * scale);
      });
    });
    return {
      classes: this.classes,
      scale,
      features: Buffer.from(Uint32Array.from(kept, ([feature]) => feature).buffer).toString("base64"),
      weights: Buffer.from(bytes.buffer).toString("base64"),
    };
  }
}
