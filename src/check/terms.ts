/**
 * Term extraction for claim matching: stemmed content words, with compounds also split into their
 * parts ("three-breasted" also yields "three" and "breast") so headline and body spellings meet.
 */
import { STOPWORDS, stem, words } from "../nlp/text.ts";

/**
 * Very common English/news words: they match between unrelated texts by chance, so they count for
 * less when deciding whether an article is about a claim. A general list, not tuned to any article.
 */
const COMMON = new Set(
  (
    "man men woman women people person year years day days time times week month world video videos photo photos " +
    "picture pictures image images report reports reported news story stories show shows showed make makes made get gets " +
    "got take takes took find found way ways first last big high life live home city state country government official " +
    "officials group company part place case family back good bad like know known go goes going went come comes came " +
    "see seen look looks want wants use used call called claim claims work works help need needs give gives gave keep " +
    "left right end start set put run long old young little great small large real true just well many much every " +
    "never always already another around away because before something someone thing things another three four five " +
    "six seven eight nine ten hundred thousand million billion today yesterday tomorrow according reportedly allegedly " +
    "source sources media social online internet website site page post posted share shared viral"
  )
    .split(" ")
    .map(stem),
);

const isApostrophe = (c: string | undefined): boolean => c === "'" || c === "’";

/** The word without leading or trailing apostrophes (a loop: a `['’]+$` pattern rescans long runs). */
function clean(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isApostrophe(word[start])) start++;
  while (end > start && isApostrophe(word[end - 1])) end--;
  return word.slice(start, end);
}

/** Unique stemmed terms of a text, hyphenated compounds also split into parts. */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  for (const raw of words(text)) {
    const w = clean(raw);
    const parts = w.includes("-") ? [w, ...w.split("-")] : [w];
    for (const p of parts) {
      if (p.length < 2 || STOPWORDS.has(p) || /^\d+$/.test(p)) continue;
      out.add(stem(p));
    }
  }
  return [...out];
}

/** Weight of a claim term for relatedness: common words count less. */
export function termWeight(term: string): number {
  return COMMON.has(term) ? 0.4 : 1;
}

/** Stems of words written capitalised mid-sentence in a text: names of people, places, bodies. */
export function nameTerms(sentence: string): string[] {
  const out: string[] = [];
  const re = /(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{L}'’-]+/gu;
  for (const m of sentence.matchAll(re)) {
    const w = clean(m[0].toLowerCase().replace(/['’]s$/, ""));
    if (!STOPWORDS.has(w)) out.push(stem(w));
  }
  return out;
}
