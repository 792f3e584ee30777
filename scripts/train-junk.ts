/**
 * Trains the page-furniture classifier (src/engine/furniture-model.ts) and writes its weights to
 * src/engine/furniture-weights.ts. Reproducible: a fixed seed, the training articles only.
 *
 *   npm run train:junk [-- TRAIN_DIR]     (default ../shared/eval/train)
 *
 * Negatives: every paragraph of the FNC-1 training bodies and PolNeAR training articles (real text).
 * Positives: page furniture from our own templates (scripts/furniture-templates.ts) spliced into
 * those articles at random places, sometimes with the article laid out one paragraph per line. No
 * evaluation set is read, and no article text is written: only a weight per block feature.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FEATURE_NAMES } from "../src/engine/block-features.ts";
import { type FurnitureWeights, furnitureProbability } from "../src/engine/furniture-model.ts";
import { furnitureFeatureVectors } from "../src/engine/junk.ts";
import { normalizeInput, splitParagraphs } from "../src/nlp/text.ts";
import { furniture, pick, type Rng, seededRng } from "./furniture-templates.ts";

const SEED = 20261126;
const VALIDATION_SHARE = 0.2;
const L2 = 1e-3;
const EPOCHS = 600;
const RATE = 0.5;
// At most this share of real validation paragraphs may be dropped: the threshold is set by it.
const MAX_FALSE_DROP_RATE = 0.0005;
// The training articles are scraped pages and carry furniture of their own ("Scroll down for video",
// "Follow X on Twitter") labelled as real text. A first model finds them; paragraphs of those scraped
// bodies it calls furniture are left out of the negatives (and listed) before the final model is
// trained and its threshold set. The clean PolNeAR texts keep every paragraph.
const NOISE_PROBABILITY = 0.5;

interface Example {
  x: number[];
  y: 0 | 1;
  text: string;
  scraped: boolean;
}

interface Article {
  paragraphs: string[];
  /** Scraped bodies (FNC-1) carry furniture of their own; the PolNeAR texts are clean article text. */
  scraped: boolean;
}

function readArticles(dir: string): Article[] {
  const lines = (file: string) =>
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .filter((l) => l.trim().length > 0)
      .map((l) => JSON.parse(l) as { text?: string; article?: string });
  const read = (file: string, scraped: boolean) =>
    lines(file).map((o) => ({
      paragraphs: splitParagraphs(normalizeInput(o.text ?? o.article ?? "")),
      scraped,
    }));
  return [...read("fnc1-bodies.jsonl", true), ...read("polnear-attributions.jsonl", false)].filter(
    (a) => a.paragraphs.length >= 4,
  );
}

/** A title-like line from another article: its first paragraph, cut to a headline's length. */
function foreignHeadline(rng: Rng, articles: Article[]): string {
  const first = pick(rng, articles).paragraphs[0] ?? "";
  const ws = first.split(/\s+/).slice(0, 6 + Math.floor(rng() * 8));
  return ws.join(" ").replace(/[.,;:!?]+$/, "");
}

/** A capitalised word of the story (not its first word), for furniture that names the story's place. */
function placeIn(rng: Rng, article: Article): string {
  const names = article.paragraphs.join(" ").match(/(?<=\s)\p{Lu}\p{Ll}{3,}/gu) ?? [];
  return names.length > 0 ? pick(rng, names) : "";
}

/** One article with 0-3 furniture blocks spliced in, labelled per paragraph. */
function splice(rng: Rng, article: Article, articles: Article[]): Example[] {
  const blocks = article.paragraphs.map((text) => ({ text, junk: false }));
  const count = rng() < 0.25 ? 0 : 1 + Math.floor(rng() * 3);
  for (let k = 0; k < count; k++) {
    const at = 1 + Math.floor(rng() * blocks.length);
    blocks.splice(at, 0, {
      text: furniture(rng, foreignHeadline(rng, articles), placeIn(rng, article)),
      junk: true,
    });
  }
  // Text pasted without blank lines: the contract splits it at every line break.
  const oneLinePerParagraph = rng() < 0.3;
  const laid = oneLinePerParagraph
    ? blocks.flatMap((b) =>
        b.text
          .split("\n")
          .filter((l) => l.trim())
          .map((text) => ({ text: text.trim(), junk: b.junk })),
      )
    : blocks;
  const vectors = furnitureFeatureVectors(laid.map((b) => b.text));
  // Paragraph 0 is the headline, never judged.
  return laid
    .slice(1)
    .map(
      (b, i) =>
        ({ x: vectors[i + 1] ?? [], y: b.junk ? 1 : 0, text: b.text, scraped: article.scraped }) as Example,
    )
    .filter((e) => e.x.length > 0);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Mean and standard deviation of each feature over the training rows. */
function standardisation(rows: Example[]): { mean: number[]; scale: number[] } {
  const d = FEATURE_NAMES.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + (r.x[j] ?? 0), 0) / rows.length);
  const scale = mean.map((m, j) =>
    Math.max(1e-6, Math.sqrt(rows.reduce((s, r) => s + ((r.x[j] ?? 0) - m) ** 2, 0) / rows.length)),
  );
  return { mean, scale };
}

/** Full-batch gradient descent on the log loss with L2 (a convex problem: no seed dependence). */
function train(rows: Example[]): FurnitureWeights {
  const d = FEATURE_NAMES.length;
  const { mean, scale } = standardisation(rows);
  const xs = rows.map((r) => r.x.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1)));
  const weight = new Array<number>(d).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad = new Array<number>(d).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      const err = sigmoid(bias + x.reduce((s, v, j) => s + v * (weight[j] ?? 0), 0)) - (rows[i]?.y ?? 0);
      for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + err * (x[j] ?? 0);
      gb += err;
    });
    for (let j = 0; j < d; j++)
      weight[j] = (weight[j] ?? 0) - RATE * ((grad[j] ?? 0) / rows.length + L2 * (weight[j] ?? 0));
    bias -= (RATE * gb) / rows.length;
  }
  return { mean, scale, weight, bias, threshold: 0.5 };
}

function probability(weights: FurnitureWeights, x: number[]): number {
  return furnitureProbability(x, weights);
}

/**
 * The lowest threshold that drops at most MAX_FALSE_DROP_RATE of the real validation paragraphs of the
 * clean (PolNeAR) articles: the scraped ones still hold furniture nobody labelled, which would count
 * as false drops and push the threshold up for nothing.
 */
function chooseThreshold(weights: FurnitureWeights, rows: Example[]): number {
  const real = rows
    .filter((r) => r.y === 0)
    .map((r) => probability(weights, r.x))
    .sort((a, b) => b - a);
  const allowed = Math.floor(real.length * MAX_FALSE_DROP_RATE);
  return Math.max(0.5, (real[allowed] ?? 0.5) + 1e-6);
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function main(): void {
  const dir = process.argv[2] ?? join("..", "shared", "eval", "train");
  const articles = readArticles(dir);
  const rng = seededRng(SEED);
  const order = articles.map((a) => ({ a, r: rng() })).sort((x, y) => x.r - y.r);
  const cut = Math.floor(order.length * (1 - VALIDATION_SHARE));
  const fit = order.slice(0, cut).flatMap(({ a }) => splice(rng, a, articles));
  const held = order.slice(cut).flatMap(({ a }) => splice(rng, a, articles));
  const first = train(fit);
  const noisy = (r: Example) => r.y === 0 && probability(first, r.x) >= NOISE_PROBABILITY;
  const noise = [...fit, ...held].filter(noisy);
  console.log(`left out ${noise.length} furniture-like paragraphs of the training articles:`);
  for (const r of noise) console.log(`  ${JSON.stringify(r.text.slice(0, 90))}`);
  const clean = (rows: Example[]) => rows.filter((r) => !noisy(r));
  const weights = train(clean(fit));
  weights.threshold = chooseThreshold(weights, clean(held));
  const scored = clean(held).map((r) => ({ ...r, p: probability(weights, r.x) }));
  const tp = scored.filter((r) => r.y === 1 && r.p >= weights.threshold).length;
  const fp = scored.filter((r) => r.y === 0 && r.p >= weights.threshold);
  const pos = scored.filter((r) => r.y === 1).length;
  console.log(
    `articles ${articles.length}, training rows ${fit.length}, validation rows ${held.length}; ` +
      `threshold ${weights.threshold.toFixed(3)}: recall ${((100 * tp) / pos).toFixed(1)}%, ` +
      `${fp.length} of ${scored.length - pos} real paragraphs dropped`,
  );
  if (process.argv.includes("--near"))
    for (const r of scored.filter((x) => x.y === 0 && x.p >= 0.3).sort((a, b) => b.p - a.p))
      console.log(`  near p=${r.p.toFixed(3)}: ${JSON.stringify(r.text.slice(0, 100))}`);
  for (const r of fp)
    console.log(`  false drop p=${r.p.toFixed(3)}: ${JSON.stringify(r.text.slice(0, 100))}`);
  for (const r of scored.filter((s) => s.y === 1 && s.p < weights.threshold).slice(0, 15))
    console.log(`  kept furniture p=${r.p.toFixed(3)}: ${JSON.stringify(r.text.slice(0, 100))}`);
  const r = (v: number[]) => v.map(round);
  const rounded: FurnitureWeights = {
    mean: r(weights.mean),
    scale: r(weights.scale),
    weight: r(weights.weight),
    bias: round(weights.bias),
    threshold: round(weights.threshold),
  };
  const out = join("src", "engine", "furniture-weights.ts");
  writeFileSync(
    out,
    `// Generated by scripts/train-junk.ts (npm run train:junk); do not edit by hand.\n` +
      `import type { FurnitureWeights } from "./furniture-model.ts";\n\n` +
      `export const FURNITURE_WEIGHTS: FurnitureWeights = ${JSON.stringify(rounded)};\n`,
  );
  console.log(`wrote ${out}`);
}

main();
