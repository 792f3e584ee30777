import type { Paragraph, Warning } from "../digest/schema.ts";
import { namesAWoman } from "../nlp/referents.ts";

// Text decoded as Latin-1 when it was UTF-8: "FranÃ§ois", "â€™".
const MOJIBAKE = /(?:Ã[\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d"]|Â[\u00a0-\u00bf])/;

/** Undoes one round of UTF-8-read-as-Latin-1, when that yields clean text. */
export function repairMojibake(text: string): string | undefined {
  if (!MOJIBAKE.test(text)) return undefined;
  const bytes = Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code <= 0xff ? code : 0x3f;
    }),
  );
  const repaired = bytes.toString("utf8");
  return repaired.includes("\ufffd") ? undefined : repaired;
}

// "a auto", "a officer": the indefinite article before a vowel sound, typical of machine rewording.
const WRONG_ARTICLE = /\b[Aa] ((?![Uu]ni|[Uu]s[eu]|[Uu]tah|[Oo]ne|[Oo]nce|[Ee]u|[Uu]r)[aeiouAEIOU][a-z]+)\b/g;

const FEMALE =
  /\b(she|her|hers|herself|woman|women|girl|mother|wife|daughter|sister|actress|spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|lady|mrs|ms|madam|grandmother|aunt|niece|widow)\b/i;

/** Warnings about the text itself: dropped paragraphs, bad encoding, rewording, dangling references. */
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
  for (const p of kept) {
    const repaired = repairMojibake(p.text);
    if (repaired !== undefined) {
      const word = /\S*(?:Ã|â€|Â)\S*/.exec(p.text)?.[0] ?? "";
      const fixed = repairMojibake(word) ?? "";
      warnings.push({
        kind: "encoding_suspect",
        message: `¶${p.index} looks mis-encoded ('${word}' probably reads '${fixed}')`,
        paragraphs: [p.index],
      });
    }
  }
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
