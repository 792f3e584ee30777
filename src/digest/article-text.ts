import { BadInputError } from "../errors.ts";

/** Checks one article's text before it reaches the engine; the message says what is wrong and how to fix it. */
export function validateArticle(text: string, maxBytes: number, label = "the article"): string {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes)
    throw new BadInputError(
      `${label} is ${formatBytes(bytes)}, over the limit of ${formatBytes(maxBytes)} (set MAX_ARTICLE_BYTES to change it)`,
    );
  if (text.trim().length === 0) throw new BadInputError(`${label} is empty`);
  if (looksBinary(text)) throw new BadInputError(`${label} is binary data, not text`);
  return text;
}

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.05;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`;
}
