import { createHash } from "node:crypto";
import { type EncodingRepair, repairEncoding } from "./encoding.ts";

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

/** An input as every reader takes it: its identity (layout), the repair made, and the text read. */
export interface ReadInput {
  layout: string;
  repair: EncodingRepair;
  text: string;
}

export function readInput(raw: string): ReadInput {
  const layout = normalizeLayout(raw);
  const repair = repairEncoding(layout);
  return { layout, repair, text: repair.repaired > 0 ? repair.text.normalize("NFC") : layout };
}

/** The text every quote and paragraph is taken from: the layout normalized, mojibake repaired. */
export function normalizeInput(raw: string): string {
  return readInput(raw).text;
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

const isHighSurrogate = (unit: string | undefined) => unit !== undefined && /[\ud800-\udbff]/.test(unit);

// Intl.Segmenter slows down per sentence as its input grows (a 200 KB paragraph of short lines takes
// seconds), so a long paragraph is fed to it in blocks of about this size.
const SEGMENTER_BLOCK = 4000;

// Block ends where the segmenter always ends a sentence anyway, so the blocks change nothing: after a
// line break, or after a full stop and spaces before a capital letter (Unicode sentence rules SB4, SB11).
const SURE_BREAKS = [/\n/g, /[.!?] +(?=\p{Lu})/gu];
// Else, in a block with no sure break, after a space, so as not to cut a word.
const SPACE = /\s+/g;

/** The segmenter's sentences of `text`, read block by block; offsets are into `text`. */
function* segments(text: string): Generator<{ index: number; segment: string }> {
  let from = 0;
  while (from < text.length) {
    let to = text.length;
    if (to - from > SEGMENTER_BLOCK) {
      const block = text.slice(from, from + SEGMENTER_BLOCK);
      to = from + SEGMENTER_BLOCK;
      // A run of this length with no sure break is no sentence: the cut is as good as any.
      for (const re of [...SURE_BREAKS, SPACE]) {
        let last = -1;
        re.lastIndex = SEGMENTER_BLOCK / 2;
        for (let m = re.exec(block); m; m = re.exec(block)) last = m.index + m[0].length;
        if (last > 0) {
          to = from + last;
          break;
        }
      }
    }
    // Never between the two halves of a surrogate pair.
    if (isHighSurrogate(text[to - 1])) to--;
    for (const seg of segmenter.segment(text.slice(from, to)))
      yield { index: from + seg.index, segment: seg.segment };
    from = to;
  }
}

function endsWithAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  // "U.S.", "p.m.", "a.m.", initials like "J." and dotted acronyms.
  if (/(?:^|[\s(“"'])(?:\p{L}\.){1,3}$/u.test(trimmed)) return true;
  // Only the last word matters; a long run of letters before the end would cost the regex its square.
  const m = /([A-Za-z]+)\.$/.exec(trimmed.slice(-12));
  return m?.[1] !== undefined && ABBREVIATIONS.has(m[1].toLowerCase());
}

/**
 * The longest stretch read as one sentence. News sentences stay well under it (the development sets'
 * longest is about 600 characters); past it the text is a list, a transcript without stops or pasted
 * noise, and reading it in bounded pieces keeps every later stage's cost per sentence bounded.
 */
export const MAX_SENTENCE_CHARS = 1000;

// Where a run-on sentence is best cut, strongest first: after a clause mark, else after any space.
const PIECE_BREAKS = [/[;:][\s"”'’)]*\s(?=\S)/g, /[,—―–][\s"”'’)]*\s(?=\S)/g, /\s(?=\S)/g];

/** Cuts a span longer than MAX_SENTENCE_CHARS into pieces, each at most that long, at the best break. */
function boundedPieces(text: string, span: Span): Span[] {
  if (span.end - span.start <= MAX_SENTENCE_CHARS) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    const window = text.slice(start, start + MAX_SENTENCE_CHARS);
    let cut = MAX_SENTENCE_CHARS;
    // A break in the window's second half, so that no piece is needlessly short.
    for (const re of PIECE_BREAKS) {
      let last = -1;
      re.lastIndex = MAX_SENTENCE_CHARS / 2;
      for (let m = re.exec(window); m; m = re.exec(window)) last = m.index + m[0].length;
      if (last > 0) {
        cut = last;
        break;
      }
    }
    // Never between the two halves of a surrogate pair.
    if (isHighSurrogate(text[start + cut - 1])) cut--;
    const piece = trimSpan(text, start, start + cut);
    if (piece.text.length > 0) pieces.push(piece);
    start += cut;
  }
  const rest = trimSpan(text, start, span.end);
  if (rest.text.length > 0) pieces.push(rest);
  return pieces;
}

/**
 * Sentences of a paragraph with their offsets; abbreviations do not end a sentence, and a run-on longer
 * than MAX_SENTENCE_CHARS is read in pieces.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const seg of segments(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    if (pending) pending.end = end;
    else pending = { start, end };
    // The next word's first character, found without copying the rest of the paragraph.
    let next = end;
    while (next < text.length && /\s/.test(text[next] ?? "")) next++;
    // Keep going when the segment ends in an abbreviation and the next word does not look like a new sentence
    // after a title ("Mr. Smith") or continues in lower case ("5 p.m. on Friday").
    if (next < text.length && endsWithAbbreviation(seg.segment) && !/[“"']/.test(text[next] ?? "")) continue;
    spans.push(...boundedPieces(text, trimSpan(text, pending.start, pending.end)));
    pending = null;
  }
  if (pending) spans.push(...boundedPieces(text, trimSpan(text, pending.start, pending.end)));
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
