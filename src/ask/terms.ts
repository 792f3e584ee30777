import { lemma } from "./lemma.ts";
import { conceptsOf, phraseConceptsOf } from "./synonyms.ts";

/**
 * Words as meaning keys: each content word gives its lemma and the synonym classes it belongs to, so
 * "died" in a question meets "were killed" in the article and "laid off" meets "let go".
 */

/** Function words: they carry no content a question can be matched on. */
const FUNCTION_WORDS = new Set(
  (
    "a an the and or but if then than so of to in on at by for with from into onto over under about after before " +
    "as is are was were be been being am do does did done doing has have had having will would shall should can " +
    "could may might must it its this that these those there here he she they we you i me him her them our your " +
    "their his my who whom whose which what when where why how not no nor all any both each few more most other " +
    "some such only own same too very just also up down out off again further once s t now " +
    "yet still even ever while until since against between through among within without upon mr mrs ms " +
    "anything anyone anybody something someone somebody everything everyone nothing whether get got gets"
  ).split(" "),
);

const DETERMINERS = new Set(["the", "a", "an", "his", "her", "its", "their", "this", "that"]);

/** One word of a text, with what it can match. */
export interface Term {
  /** The word as written. */
  raw: string;
  /** Its position among the text's tokens (function words counted): how near two words are. */
  at: number;
  lemma: string;
  /** The lemma and its synonym classes: a question term matches a text holding any of them. */
  keys: readonly string[];
}

// Dotted acronyms ("U.S.", "U.N.") or words that may hold inner hyphens, apostrophes or decimal points.
export const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Tokens of a text as written, dotted acronyms without their dots. */
export function tokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((t) => (/^(?:\p{L}\.){2,}$/u.test(t) ? t.replace(/\./g, "") : t));
}

function keysOf(wordLemma: string): string[] {
  return [wordLemma, ...conceptsOf(wordLemma)];
}

// Particles that finish a phrasal verb even with its object between ("take the post down").
const PARTICLES = new Set(["down", "off", "out", "up", "over", "back", "away", "around"]);
const PARTICLE_REACH = 4;

/** Adjectives of nationality also match their country: "Iraqi" → Iraq, "Syrian" → Syria, "Kurdish" → Kurd. */
function demonymRoot(raw: string): string | undefined {
  if (!/^\p{Lu}/u.test(raw)) return undefined;
  const m = /^(\p{L}{3,}?)(?:i|n|ish|s)$/u.exec(raw.toLowerCase());
  return m?.[1] && /(?:[^aeiou]i|ian|ish|s)$/.test(raw.toLowerCase()) ? lemma(m[1]) : undefined;
}

/**
 * Content terms of a text: function words dropped, hyphenated compounds also split ("five-year" gives
 * "five-year", "five" and "year"; parts of two letters, as in "Jong-un", are not words of their own), consecutive words also read as a phrase. A lower-case "us" is the pronoun, "US" the country.
 */
export function contentTerms(text: string): Term[] {
  const out: Term[] = [];
  const seen: { raw: string; lemma: string; at: number }[] = [];
  let previous: { raw: string; lemma: string } | undefined;
  for (const [at, raw] of tokens(text).entries()) {
    const lower = raw.toLowerCase().replace(/’/g, "'");
    if (raw === "us") {
      previous = undefined;
      continue;
    }
    const wordLemma = lemma(lower);
    // "broke the story": a determiner between the two words of a phrase does not part them.
    if (previous !== undefined && DETERMINERS.has(lower)) continue;
    if (previous !== undefined) {
      const phrase = phraseConceptsOf(previous.lemma, wordLemma);
      if (phrase.length > 0) {
        // "come out", "lay off": the phrase means what its light words alone do not.
        if (out.at(-1)?.raw === previous.raw) out.pop();
        out.push({ raw: `${previous.raw} ${raw}`, at, lemma: phrase[0] ?? wordLemma, keys: phrase });
        previous = undefined;
        continue;
      }
    }
    if (PARTICLES.has(lower)) {
      const verb = seen.find(
        (w) => at - w.at <= PARTICLE_REACH && phraseConceptsOf(w.lemma, wordLemma).length > 0,
      );
      const phrase = verb ? phraseConceptsOf(verb.lemma, wordLemma) : [];
      if (verb && phrase.length > 0) {
        const i = out.findIndex((t) => t.at === verb.at && t.raw === verb.raw);
        if (i >= 0) out.splice(i, 1);
        out.push({ raw: `${verb.raw} ${raw}`, at, lemma: phrase[0] ?? wordLemma, keys: phrase });
      }
    }
    previous = { raw, lemma: wordLemma };
    seen.push({ raw, lemma: wordLemma, at });
    if (seen.length > PARTICLE_REACH) seen.shift();
    if (FUNCTION_WORDS.has(lower.replace(/'s$/, "")) || lower.length < 2 || /^\d+(?:[.,]\d+)*$/.test(lower))
      continue;
    const keys = keysOf(wordLemma);
    // A question's "IG" or "USGS" may be spelled out in the article (see acronymKeys).
    if (/^\p{Lu}{2,5}$/u.test(raw)) keys.push(`#${lower}`);
    const root = demonymRoot(raw);
    if (root && !keys.includes(root)) keys.push(root);
    out.push({ raw, at, lemma: wordLemma, keys });
    if (lower.includes("-"))
      for (const part of lower.split("-"))
        if (part.length > 2 && !FUNCTION_WORDS.has(part)) {
          const partLemma = lemma(part);
          out.push({ raw: part, at, lemma: partLemma, keys: keysOf(partLemma) });
        }
  }
  return out;
}

/**
 * Initials of the names in a text, so "NRA" in a question meets "National Rifle Association" and "UN" meets
 * "United Nations Security Council" (each run of capitalised words gives the initials of its prefixes). Runs of
 * two to four lower-case content words give initials too, under a "#" that only a question's capitals
 * ("the IG") reach: "inspector general" answers "IG" but never the word "ig".
 */
export function acronymKeys(text: string): string[] {
  const out: string[] = [];
  const runs = text.match(/\p{Lu}[\p{L}.]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}.]*)+/gu) ?? [];
  for (const run of runs) {
    const letters = run
      .split(/\s+/)
      .filter((w, i) => !/^(?:of|for|and)$/.test(w) && !(i === 0 && FUNCTION_WORDS.has(w.toLowerCase())))
      .map((w) =>
        /^(?:\p{L}\.)+$/u.test(w) ? w.replace(/\./g, "").toLowerCase() : (w[0]?.toLowerCase() ?? ""),
      );
    // The run's own initials ("nra"), and any part of it a question may abbreviate ("State Department
    // Inspector General" → "IG").
    for (let end = 2; end <= Math.min(letters.length, MAX_INITIALS); end++)
      out.push(letters.slice(0, end).join(""));
    out.push(...initialsOfParts(letters));
  }
  const words = tokens(text).filter((w) => /^\p{Ll}/u.test(w) && !FUNCTION_WORDS.has(w));
  out.push(...initialsOfParts(words.map((w) => w[0] ?? "")));
  return out;
}

/** Acronyms are short: initials beyond this many letters are never asked for (and would cost a long run dear). */
const MAX_INITIALS = 6;

/** "#" + the initials of every run of two to four consecutive words. */
function initialsOfParts(letters: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < letters.length; i++) {
    let initials = letters[i] ?? "";
    for (let j = i + 1; j < Math.min(letters.length, i + 4); j++) {
      initials += letters[j] ?? "";
      out.push(`#${initials}`);
    }
  }
  return out;
}

/** Every key the terms of a text hold. */
export function keySet(terms: readonly Term[]): Set<string> {
  const keys = new Set<string>();
  for (const t of terms) for (const k of t.keys) keys.add(k);
  return keys;
}
