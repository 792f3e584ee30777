/**
 * Per-article analysis for claim checking, built once per article text and memoised: a batch run
 * checks many claims against few articles, so all claim-independent work happens here.
 */
import { analysisView, normalizeInput, splitParagraphs, splitSentences, words } from "../nlp/text.ts";
import { BoundedMap } from "../util/bounded-map.ts";
import { cueMatches, DENIAL, HEDGE, NEGATION, REFUTE, WEAK_HEDGE, WEAK_REFUTE } from "./lexicon.ts";
import { nameTerms, termsOf } from "./terms.ts";

export interface IndexedSentence {
  paragraph: number;
  /** Verbatim text of the sentence, a substring of its paragraph. */
  text: string;
  /** Position among all sentences of the article. */
  order: number;
  terms: Set<string>;
  /** Debunk cues ("hoax", "not true"). */
  refute: string[];
  weakRefute: string[];
  /** Denial cues ("denied", "rejects"). */
  denial: string[];
  /** Hedge/attribution cues ("reportedly", "claims"). */
  hedge: string[];
  weakHedge: string[];
  negation: string[];
  question: boolean;
  /** Starts with or contains a quotation mark: someone else's words. */
  quoted: boolean;
}

export interface ArticleIndex {
  paragraphs: string[];
  sentences: IndexedSentence[];
  /** Stemmed content term -> number of sentences containing it. */
  sentenceFreq: Map<string, number>;
  /** Stemmed content term -> orders of the sentences containing it, ascending. */
  postings: Map<string, number[]>;
  /** Number tokens ("13", "2014") present anywhere. */
  numbers: Set<string>;
  /** Stems of words the article writes capitalised mid-sentence (names). */
  names: Set<string>;
  /** Hedge cues per sentence over the whole article (strong ones count double): how much it reports rather than asserts. */
  hedgeDensity: number;
}

// Batch runs interleave a few hundred articles; each index is small (tens of KB), a long article's more:
// bounded by an estimate of its bytes (sentences, their terms and sets, about ten times the text).
const CACHE_LIMIT = 512;
const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new BoundedMap<string, ArticleIndex>(CACHE_LIMIT, {
  maxWeight: CACHE_BYTES,
  weigh: (index, key) => 2 * key.length + 10 * index.sentences.reduce((n, s) => n + s.text.length, 0),
});

/**
 * The analysis of an article, from a small LRU cache keyed by the raw text. Paragraphs listed in
 * `skip` (junk a scraper spliced in, as the digest found it) are left out, so they can never count as
 * the article covering a claim.
 */
export function indexArticle(article: string, skip: readonly number[] = []): ArticleIndex {
  // Keyed by the text itself: a batch looks the same texts up thousands of times, and the engine caches a
  // string's hash, where hashing it ourselves would cost a tenth of a check. The text counts in the bound.
  const key = skip.length > 0 ? `${skip.join(",")}\u0000${article}` : article;
  const hit = cache.get(key);
  if (hit) {
    cache.touch(key); // most recently used
    return hit;
  }
  const built = buildIndex(article, new Set(skip));
  cache.set(key, built);
  return built;
}

function buildIndex(article: string, skip: ReadonlySet<number>): ArticleIndex {
  const paragraphs = splitParagraphs(normalizeInput(article));
  const sentences: IndexedSentence[] = [];
  const sentenceFreq = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  paragraphs.forEach((para, paragraph) => {
    if (skip.has(paragraph)) return;
    for (const span of splitSentences(analysisView(para))) {
      const text = para.slice(span.start, span.end);
      const terms = new Set(termsOf(text));
      for (const t of nameTerms(text)) names.add(t);
      for (const t of terms) {
        sentenceFreq.set(t, (sentenceFreq.get(t) ?? 0) + 1);
        const list = postings.get(t);
        if (list) list.push(sentences.length);
        else postings.set(t, [sentences.length]);
      }
      for (const w of words(text)) if (/^\d+$/.test(w)) numbers.add(w);
      sentences.push({
        paragraph,
        text,
        order: sentences.length,
        terms,
        refute: cueMatches(REFUTE, text),
        weakRefute: cueMatches(WEAK_REFUTE, text),
        denial: cueMatches(DENIAL, text),
        hedge: cueMatches(HEDGE, text),
        weakHedge: cueMatches(WEAK_HEDGE, text),
        negation: cueMatches(NEGATION, text),
        question: /\?\s*["”’']?$/.test(text),
        quoted: /["“”]/.test(text),
      });
    }
  });
  let hedges = 0;
  for (const s of sentences) hedges += 2 * s.hedge.length + s.weakHedge.length;
  const hedgeDensity = hedges / Math.max(1, sentences.length);
  return { paragraphs, sentences, sentenceFreq, postings, numbers, names, hedgeDensity };
}
