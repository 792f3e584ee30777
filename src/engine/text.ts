import { createHash } from "node:crypto";
import { repairEncoding } from "./encoding.ts";

/** A span of a paragraph: [start, end) offsets into the paragraph's own text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Line endings and Unicode form only: the identity of an input (its sha256 keys the cache), so a
 * mis-encoded copy and its clean twin stay apart and each keeps its own warnings.
 */
export function normalizeLayout(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").normalize("NFC").trim();
}

/** The text every quote and paragraph is taken from: the layout normalized, mojibake repaired. */
export function normalizeInput(raw: string): string {
  const layout = normalizeLayout(raw);
  const repair = repairEncoding(layout);
  return repair.repaired > 0 ? repair.text.normalize("NFC") : layout;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Paragraphs as the contract defines them: blank-line-separated blocks, trimmed; a text with no
 * blank line at all (as pasted from a web page) is split at its line breaks instead.
 */
export function splitParagraphs(text: string): string[] {
  const separator = /\n\s*\n/.test(text) ? /\n\s*\n/ : /\n/;
  return text
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Same-length view of a paragraph for analysis: exotic spaces become plain spaces so offsets found
 * in it map one to one back onto the verbatim text.
 */
export function analysisView(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, " ");
}

// Abbreviations after which Intl.Segmenter wrongly ends a sentence.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen sen rep gov lt col capt sgt cpl maj adm cmdr supt insp det st jr sr rev fr " +
    "no nos vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est approx fig"
  ).split(" "),
);

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

function endsWithAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  // "U.S.", "p.m.", "a.m.", initials like "J." and dotted acronyms.
  if (/(?:^|[\s(“"'])(?:\p{L}\.){1,3}$/u.test(trimmed)) return true;
  const m = /([A-Za-z]+)\.$/.exec(trimmed);
  return m?.[1] !== undefined && ABBREVIATIONS.has(m[1].toLowerCase());
}

/** Sentences of a paragraph with their offsets; abbreviations do not end a sentence. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const seg of segmenter.segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    if (pending) pending.end = end;
    else pending = { start, end };
    const next = text.slice(end).trimStart();
    // Keep going when the segment ends in an abbreviation and the next word does not look like a new sentence
    // after a title ("Mr. Smith") or continues in lower case ("5 p.m. on Friday").
    if (next && endsWithAbbreviation(seg.segment) && !/^[“"']/.test(next)) continue;
    spans.push(trimSpan(text, pending.start, pending.end));
    pending = null;
  }
  if (pending) spans.push(trimSpan(text, pending.start, pending.end));
  return spans.filter((s) => s.text.length > 0);
}

export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Lower-cased word tokens. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/['’]s$/, ""));
}

export const STOPWORDS = new Set(
  (
    "a an the and or but if then than so of to in on at by for with from into onto over under about after before " +
    "as is are was were be been being am do does did done has have had having will would shall should can could may " +
    "might must it its this that these those there here he she they we you i me him her them us our your their his " +
    "my mine who whom whose which what when where why how not no nor all any both each few more most other some such " +
    "only own same too very just also up down out off again further once s t now new says said say told tell one two " +
    "via per yet still even ever while during until since against between through among within without upon mr mrs ms"
  ).split(" "),
);

/** A crude English stem, enough to match "attacks" with "attack" and "killed" with "kill". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 5 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("es") && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 3 && /(.)\1$/.test(w) && !/[lsz]{2}$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Stemmed content words: what two passages must share to be about the same thing. */
export function contentTerms(text: string): string[] {
  return contentTermsOf(words(text));
}

/** contentTerms of words already split by `words`. */
export function contentTermsOf(ws: readonly string[]): string[] {
  return ws.filter((w) => !STOPWORDS.has(w) && w.length > 1 && !/^\d+$/.test(w)).map(stem);
}
