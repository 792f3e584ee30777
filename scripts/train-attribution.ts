/**
 * Trains the attribution tagger (src/engine/attribution-learned.ts) on the PolNeAR training articles
 * in ../shared/eval/train/polnear-attributions.jsonl and writes the pruned, quantised weights to
 * src/engine/attribution-weights.json. Only weights are written: no article text leaves the data file.
 * Deterministic: a fixed shuffle seed, so the same data gives the same weights.
 *
 *   npm run train                 # train on all 409 articles, write the weights
 *   npm run train -- --holdout    # train on 90%, report cue and source F1 on the other 10%, write nothing
 *   npm run train -- --fold 2/5   # train without every fifth article from the third on (cross-validation:
 *                                 # score the engine on those with ../shared/eval's attribution scoring)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  AttributionTagger,
  CUE_CLASSES,
  cueFeatures,
  isCueCandidate,
  marksToCue,
  nearestCue,
  OPEN_CLASS,
  SOURCE_CLASSES,
  SOURCE_WINDOW,
  sourceFeatures,
  speakerHead,
  viewOf,
} from "../src/engine/attribution-learned.ts";
import { Perceptron } from "../src/nlp/perceptron.ts";
import { analysisView, splitSentences } from "../src/nlp/text.ts";
import { type Token, tokenize } from "../src/nlp/tokens.ts";

interface Span {
  start: number;
  end: number;
}
interface Article {
  id: string;
  article: string;
  attributions: { source: Span[]; cue: Span[]; content: Span[] }[];
}
interface Example {
  tokens: Token[];
  cue: boolean[];
  source: string[];
}

/** Heads of the gold speakers in these articles: how often each common noun headed one. */
function speakerHeadCounts(articles: Article[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles)
    for (const g of a.attributions)
      for (const src of g.source) {
        const head = speakerHead(tokenize(a.article.slice(src.start, src.end)));
        if (head && head.pos === "NOUN") counts.set(head.lower, (counts.get(head.lower) ?? 0) + 1);
      }
  return counts;
}

const EPOCHS = 20;
const MIN_CUE_COUNT = 3;
const MIN_CUE_SHARE = 0.04;
/** A common noun must head a gold speaker this often to count as one that can speak. */
const MIN_HEAD_COUNT = 1;
const dataPath = fileURLToPath(
  new URL("../../shared/eval/train/polnear-attributions.jsonl", import.meta.url),
);
const outPath = fileURLToPath(new URL("../src/engine/attribution-weights.json", import.meta.url));
const holdout = process.argv.includes("--holdout");
const foldArg = process.argv[process.argv.indexOf("--fold") + 1] ?? "";
const fold = process.argv.includes("--fold") ? /^(\d+)\/(\d+)$/.exec(foldArg) : null;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Sentences of an article with gold cue and source tags per token (offsets kept absolute). */
function examples(a: Article): Example[] {
  const out: Example[] = [];
  for (const p of a.article.matchAll(/\S[\s\S]*?(?=\n\s*\n|$)/g)) {
    const base = p.index ?? 0;
    for (const s of splitSentences(analysisView(p[0]))) {
      const at = base + s.start;
      const tokens = tokenize(s.text);
      const abs = (t: Token): Span => ({ start: at + t.start, end: at + t.end });
      const sentence = { start: at, end: at + s.text.length };
      const here = a.attributions.filter((g) => g.cue.some((c) => overlaps(c, sentence)));
      const cue = tokens.map((t) => here.some((g) => g.cue.some((c) => overlaps(c, abs(t)))));
      const source = tokens.map(() => "O");
      for (const g of here)
        for (const src of g.source) {
          let inside = false;
          tokens.forEach((t, i) => {
            if (!overlaps(src, abs(t)) || /^[,.;:]$/.test(t.text)) {
              inside = false;
              return;
            }
            source[i] = inside ? "I" : "B";
            inside = true;
          });
        }
      out.push({ tokens, cue, source });
    }
  }
  return out;
}

/** A fixed-seed shuffle (mulberry32), so training is reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function train(data: Example[], heads: Map<string, number>) {
  // Candidate cues: open-class words that were cues at least MIN_CUE_COUNT times and in at least
  // MIN_CUE_SHARE of their uses.
  const asCue = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const ex of data)
    ex.tokens.forEach((t, i) => {
      seen.set(t.lower, (seen.get(t.lower) ?? 0) + 1);
      if (ex.cue[i] && OPEN_CLASS(t)) asCue.set(t.lower, (asCue.get(t.lower) ?? 0) + 1);
    });
  const cueWords = [...asCue]
    .filter(([w, n]) => n >= MIN_CUE_COUNT && n >= MIN_CUE_SHARE * (seen.get(w) ?? n))
    .map(([w]) => w);
  const vocabulary = new Set(cueWords);
  const cue = new Perceptron(CUE_CLASSES);
  const source = new Perceptron(SOURCE_CLASSES);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const ex of shuffled(data, epoch + 1)) {
      const v = viewOf(ex.tokens);
      ex.tokens.forEach((t, i) => {
        if (!isCueCandidate(vocabulary, t)) return;
        const feats = cueFeatures(v, i);
        cue.update(ex.cue[i] ? "CUE" : "O", cue.predict(feats), feats);
      });
      if (!ex.cue.includes(true)) continue;
      // The source tagger learns from the gold cues, with its own earlier tags as history.
      const cueOf = nearestCue(ex.tokens.length, ex.cue);
      const marks = marksToCue(ex.tokens, cueOf);
      const tags: string[] = [];
      ex.tokens.forEach((_, i) => {
        const at = cueOf[i] ?? -1;
        if (at < 0 || Math.abs(i - at) > SOURCE_WINDOW) {
          tags.push("O");
          return;
        }
        const feats = sourceFeatures(v, i, at, tags[i - 1] ?? "<s>", marks[i] ?? 0);
        const guess = source.predict(feats);
        source.update(ex.source[i] ?? "O", guess, feats);
        tags.push(guess);
      });
    }
  }
  const sourceHeads = [...heads].filter(([, n]) => n >= MIN_HEAD_COUNT).map(([w]) => w);
  return {
    cueWords: cueWords.sort(),
    sourceHeads: sourceHeads.sort(),
    cue: cue.export(0.05),
    source: source.export(0.05),
  };
}

function f1(tp: number, fp: number, fn: number): string {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return `P ${(100 * p).toFixed(1)}% R ${(100 * r).toFixed(1)}% F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)}`;
}

function report(tagger: AttributionTagger, test: Example[]): void {
  const c = { tp: 0, fp: 0, fn: 0 };
  const s = { tp: 0, fp: 0, fn: 0 };
  for (const ex of test) {
    const cues = tagger.cues(ex.tokens);
    cues.forEach((got, i) => {
      const want = ex.cue[i] === true;
      if (got && want) c.tp++;
      else if (got) c.fp++;
      else if (want) c.fn++;
    });
    const tags = tagger.sources(ex.tokens, cues);
    tags.forEach((got, i) => {
      const want = ex.source[i] !== "O";
      if (got !== "O" && want) s.tp++;
      else if (got !== "O") s.fp++;
      else if (want) s.fn++;
    });
  }
  console.log(`cue tokens: ${f1(c.tp, c.fp, c.fn)}; source tokens (predicted cues): ${f1(s.tp, s.fp, s.fn)}`);
}

const started = Date.now();
const articles = readFileSync(dataPath, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Article);
if (holdout) {
  const kept = articles.slice(0, Math.floor(articles.length * 0.9));
  const model = train(kept.flatMap(examples), speakerHeadCounts(kept));
  report(new AttributionTagger(model), articles.slice(kept.length).flatMap(examples));
} else {
  const kept = fold ? articles.filter((_, i) => i % Number(fold[2]) !== Number(fold[1])) : articles;
  const model = train(kept.flatMap(examples), speakerHeadCounts(kept));
  writeFileSync(outPath, `${JSON.stringify(model)}\n`);
  const size = readFileSync(outPath).length;
  console.log(
    `wrote ${outPath}: ${(size / 1024).toFixed(0)} KB, ${featureCount(model.cue.features)} cue and ${featureCount(model.source.features)} source features`,
  );
}
console.log(
  `trained on ${fold ? `fold ${foldArg} of ` : ""}${articles.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

function featureCount(base64: string): number {
  return Buffer.from(base64, "base64").length / 4;
}
