/**
 * Mojibake repair: text that was UTF-8 but got decoded as Windows-1252 (or Latin-1) somewhere on its
 * way to us, so "don’t" arrives as "donâ€™t" and "café" as "cafÃ©". Each broken character is a
 * run of 2–4 such characters that re-encode to one valid UTF-8 sequence; only those runs are
 * replaced, so correctly encoded text around them (or a line pasted from elsewhere) is left alone.
 */

// Windows-1252 bytes 0x80–0x9F that map to other code points (the rest of 0x80–0xFF is Latin-1).
const CP1252_HIGH: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

// A continuation byte 0x80–0xBF as it shows after a Windows-1252 (or Latin-1) decode.
const CONT = "[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]";
// A lead byte followed by exactly the continuation bytes it announces.
const MOJIBAKE_RUN = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`,
  "gu",
);
// "â€" then a character that is no continuation byte: a right double quote whose last byte (0x9D,
// undefined in Windows-1252) was lost on the way. Only repaired in text that shows other mojibake.
const LOST_QUOTE = /â€(?![\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ])/g;

function byteOf(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return CP1252_HIGH[ch] ?? code;
}

/**
 * Characters mojibake plausibly came from: accented letters, punctuation and symbols, emoji. A run
 * decoding to anything else (say a CJK ideograph from "é…”") is more likely real text.
 */
function plausible(code: number): boolean {
  return code < 0x800 || (code >= 0x2000 && code < 0x2c00) || code >= 0x1f000;
}

/** The UTF-8 character a run spells, or undefined when the bytes are not one plausible sequence. */
function decodeRun(run: string): string | undefined {
  const decoded = Buffer.from([...run].map(byteOf)).toString("utf8");
  const chars = [...decoded];
  const code = chars[0]?.codePointAt(0) ?? 0xfffd;
  return chars.length !== 1 || code === 0xfffd || !plausible(code) ? undefined : decoded;
}

export interface EncodingRepair {
  /** The repaired text (the input itself when nothing was repaired). */
  text: string;
  /** Broken characters replaced. */
  repaired: number;
  /** One example, as "broken → fixed", for the warning. */
  example?: string;
}

/** Undoes UTF-8-read-as-Windows-1252 wherever a run of characters spells one UTF-8 character. */
export function repairEncoding(text: string): EncodingRepair {
  let repaired = 0;
  let example: string | undefined;
  const fixed = text.replace(MOJIBAKE_RUN, (run) => {
    const decoded = decodeRun(run);
    if (decoded === undefined) return run;
    repaired++;
    example ??= `${run} → ${decoded}`;
    return decoded;
  });
  if (repaired === 0) return { text, repaired: 0 };
  const withQuotes = fixed.replace(LOST_QUOTE, () => {
    repaired++;
    return "”";
  });
  return example === undefined ? { text: withQuotes, repaired } : { text: withQuotes, repaired, example };
}
