/**
 * Inverse document frequency of content stems, hashed into a fixed number of buckets (so the shipped
 * table holds numbers only, no words): how rare a term is across news articles. Built by
 * `npm run train:check` from the training bodies and shipped as src/check/idf.json.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";

export const IdfSchema = z.object({ buckets: z.number().int().positive(), idf: z.array(z.number()) });
export type IdfTable = z.infer<typeof IdfSchema>;

export const IDF_URL = new URL("./idf.json", import.meta.url);

/** FNV-1a over the UTF-16 code units: stable across runs and platforms. */
export function bucketOf(term: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

/** The table from document term sets: idf = ln((1 + N) / (1 + df)) + 1 per bucket. */
export function buildIdf(documents: readonly Iterable<string>[], buckets: number): IdfTable {
  const df = new Array<number>(buckets).fill(0);
  for (const doc of documents) {
    const seen = new Set<number>();
    for (const t of doc) seen.add(bucketOf(t, buckets));
    for (const b of seen) df[b] = (df[b] ?? 0) + 1;
  }
  const n = documents.length;
  return { buckets, idf: df.map((d) => Math.round((Math.log((1 + n) / (1 + d)) + 1) * 100) / 100) };
}

/** Uses the table from now on, and ships it unless `persist` is false (a dry training run). */
export function useIdf(table: IdfTable, persist = true): void {
  if (persist) writeFileSync(IDF_URL, `${JSON.stringify(table)}\n`);
  loaded = table;
}

let loaded: IdfTable | undefined;

/** The IDF of a stem (1 when no table is shipped: every term equally rare). */
export function idfOf(term: string): number {
  loaded ??= existsSync(IDF_URL)
    ? IdfSchema.parse(JSON.parse(readFileSync(IDF_URL, "utf8")))
    : { buckets: 1, idf: [1] };
  return loaded.idf[bucketOf(term, loaded.buckets)] ?? 1;
}
