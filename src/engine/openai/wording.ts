import { numberValues } from "../../nlp/numbers.ts";
import { locateQuote } from "./grounding.ts";

/**
 * Checks the model's own wording of a claim against the statement's evidence (which is already known to
 * be verbatim article text). A claim may paraphrase, but it may not put words in anyone's mouth, name
 * anyone or anything, or state a number that its evidence does not: those are the invented details a
 * reader cannot tell from the article's. Returns why the wording is not grounded, or undefined.
 */
export function ungroundedWording(claim: string, evidence: readonly string[]): string | undefined {
  const quotations = quotationsIn(claim);
  if (quotations.length > MAX_QUOTATIONS) return `${quotations.length} quotations in one claim`;
  for (const quotation of quotations)
    if (!evidence.some((e) => locateQuote(e, quotation) !== undefined))
      return `the quotation "${clip(quotation)}" is not in its evidence`;
  const name = inventedName(claim, new Set(evidence.flatMap(nameWords)));
  if (name) return `the name '${clip(name)}' is not in its evidence`;
  const values = new Set(evidence.flatMap((e) => [...numberValues(e)]));
  for (const value of numberValues(claim))
    if (!values.has(value)) return `the number ${value} is not in its evidence`;
  return undefined;
}

// More than this is no claim but a list of quotations; it bounds the cost of checking them one by one.
const MAX_QUOTATIONS = 12;
// Double quotation marks pair up in order; a curly single pair only when it opens with ‘ (a lone ’ is an
// apostrophe). Each alternative is one character class, so matching is linear.
const QUOTATION = /"([^"\n]{1,2000})"|“([^“”\n]{1,2000})”|«([^«»\n]{1,2000})»|‘([^‘’\n]{1,2000})’/g;

function quotationsIn(claim: string): string[] {
  const out: string[] = [];
  for (const m of claim.matchAll(QUOTATION)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (inner.length > 0) out.push(inner);
  }
  return out;
}

// A word as names are written: letters, with inner apostrophes, hyphens and dots ("O'Brien", "al-Masri",
// "U.S"); a dot is taken only before another letter, so a sentence's full stop stays between words.
const WORD = /\p{L}[\p{L}\p{M}'’-]*(?:\.\p{L}[\p{L}\p{M}'’-]*)*/gu;
// Courtesy titles add nothing a reader could be misled by.
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss"]);
// Closed-class words that open a sentence in capitals without naming anything ("The Harbour Market").
const OPENERS = new Set(
  "the a an in on at for to from by with after before during when while as this that these those his her their its our but and or if mr mrs ms".split(
    " ",
  ),
);

/** Lower case without a possessive or trailing dot, so "Reiner's" and "Reiner" are one name. */
const key = (word: string) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/['’-]+$/, "");

/** The words of `text` as names are compared: lower case, without possessives. */
export function nameWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => key(m[0]));
}

/** The first name in `text` with a word that is not among `known` (from nameWords), if any. */
export function inventedName(text: string, known: ReadonlySet<string>): string | undefined {
  return namesIn(text)
    .find((name) => name.some((word) => !known.has(key(word))))
    ?.join(" ");
}

/**
 * Capitalised words and runs of them, each run one name. A sentence's first word is a name only when
 * the next word is capitalised too (a multiword name), and never when it is a closed-class word.
 */
function namesIn(claim: string): string[][] {
  const names: string[][] = [];
  let run: string[] = [];
  let previousEnd = 0;
  const flush = () => {
    if (run.length > 0) names.push(run);
    run = [];
  };
  let sentenceStart = true;
  let opener: string | undefined;
  for (const m of claim.matchAll(WORD)) {
    const word = m[0];
    const gap = claim.slice(previousEnd, m.index);
    previousEnd = m.index + word.length;
    if (/[.!?:;"“”()]/.test(gap)) {
      flush();
      sentenceStart = true;
      opener = undefined;
    } else if (/[,]/.test(gap)) {
      flush();
      opener = undefined;
    }
    const capitalised =
      /^\p{Lu}/u.test(word) && word.replace(/[^\p{L}]/gu, "").length > 1 && !HONORIFICS.has(key(word));
    if (sentenceStart) {
      sentenceStart = false;
      // Held back until the next word says whether it starts a multiword name.
      if (capitalised && !OPENERS.has(key(word))) opener = word;
      continue;
    }
    if (capitalised) {
      if (opener) run.push(opener);
      run.push(word);
    } else flush();
    opener = undefined;
  }
  flush();
  return names;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
