import type { Paragraph } from "../../digest/schema.ts";

// The headline and the lead: where an article's own title is found.
const TITLE_PARAGRAPHS = 3;
const MIN_WORDS = 3;
const MAX_CHARS = 200;
const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => [...text.toLowerCase().matchAll(WORD)].map((m) => m[0]);

/**
 * The digest's title, which also opens the summary: the model's title only when the article's first
 * paragraphs say it word for word (case, punctuation and spacing aside), and then in the article's own
 * characters; otherwise `fallback` (the offline engine's title, taken from the article).
 */
export function groundTitle(modelTitle: string, paragraphs: Paragraph[], fallback: string): string {
  const wanted = wordsOf(modelTitle);
  if (wanted.length < MIN_WORDS || modelTitle.length > MAX_CHARS) return fallback;
  // The same words as the offline title: keep that one, with its own punctuation.
  if (wordsOf(fallback).join(" ") === wanted.join(" ")) return fallback;
  for (const p of paragraphs.filter((x) => !x.junk).slice(0, TITLE_PARAGRAPHS)) {
    const words = [...p.text.matchAll(WORD)];
    for (let start = 0; start + wanted.length <= words.length; start++) {
      if (!wanted.every((w, i) => words[start + i]?.[0].toLowerCase() === w)) continue;
      const first = words[start];
      const last = words[start + wanted.length - 1];
      if (!first || !last) break;
      return p.text.slice(first.index, last.index + last[0].length);
    }
  }
  return fallback;
}
