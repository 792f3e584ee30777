import type { Paragraph, Warning } from "../digest/schema.ts";
import type { EncodingRepair } from "../nlp/encoding.ts";
import { namesAWoman } from "../nlp/referents.ts";
import type { LanguageGuess } from "./language.ts";

/** The rationale of a statement the offline engine could not judge because of the language. */
export const UNJUDGED_LANGUAGE = "not judged: the offline engine reads English only";

/** Says plainly that a non-English article is not read, and what would read it. */
export function languageWarning(guess: LanguageGuess): Warning[] {
  if (guess.english) return [];
  return [
    {
      kind: "language_unsupported",
      message:
        `The article looks ${guess.language}: the offline engine reads English only, so no statement is ` +
        "confirmed here. A configured model (OPENAI_API_KEY or OPENAI_BASE_URL) reads other languages.",
    },
  ];
}

/** Says that mis-encoded characters were repaired before reading. */
export function encodingWarning(repair: EncodingRepair): Warning[] {
  if (repair.repaired === 0) return [];
  const n = repair.repaired;
  return [
    {
      kind: "encoding_repaired",
      message: `Repaired ${n} mis-encoded character${n === 1 ? "" : "s"} (UTF-8 read as Windows-1252, e.g. '${repair.example ?? ""}') before reading`,
    },
  ];
}

// "a auto", "a officer": the indefinite article before a vowel sound, typical of machine rewording.
const WRONG_ARTICLE = /\b[Aa] ((?![Uu]ni|[Uu]s[eu]|[Uu]tah|[Oo]ne|[Oo]nce|[Ee]u|[Uu]r)[aeiouAEIOU][a-z]+)\b/g;

const FEMALE =
  /\b(she|her|hers|herself|woman|women|girl|mother|wife|daughter|sister|actress|spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|lady|mrs|ms|madam|grandmother|aunt|niece|widow)\b/i;

/** Warnings about the text itself: dropped paragraphs, rewording, dangling references. */
export function textWarnings(paragraphs: Paragraph[]): Warning[] {
  const warnings: Warning[] = [];
  for (const p of paragraphs) {
    if (p.junk)
      warnings.push({
        kind: "paragraph_dropped",
        message: `¶${p.index} dropped: ${p.reason ?? "does not belong to the story"}`,
        paragraphs: [p.index],
      });
  }
  const kept = paragraphs.filter((p) => !p.junk);
  const reworded = kept.flatMap((p) =>
    [...p.text.matchAll(WRONG_ARTICLE)].map((m) => ({ p: p.index, word: m[0] })),
  );
  if (reworded.length > 0) {
    const examples = [...new Set(reworded.map((r) => `'${r.word}'`))].slice(0, 3).join(", ");
    warnings.push({
      kind: "machine_reworded",
      message: `${examples}: wording suggests machine-rewritten text; check the original copy`,
      paragraphs: [...new Set(reworded.map((r) => r.p))],
    });
  }
  // "her hands" with no woman or girl mentioned before: a reference to someone the article never names.
  let femaleSeen = false;
  for (const p of kept) {
    const pronoun = /\b(she|her|hers|herself)\b/i.exec(p.text);
    const before = pronoun ? p.text.slice(0, pronoun.index) : p.text;
    if (pronoun && !femaleSeen && !FEMALE.test(before) && !namesAWoman(before)) {
      const phrase = /\b(?:she|her|hers|herself)\b(?:\s+\w+)?/i.exec(p.text)?.[0] ?? pronoun[0];
      warnings.push({
        kind: "dangling_reference",
        message: `¶${p.index}: '${phrase}' refers to someone the article has not named`,
        paragraphs: [p.index],
      });
    }
    if (FEMALE.test(p.text) || namesAWoman(p.text)) femaleSeen = true;
  }
  return warnings;
}
