import { readFile, stat } from "node:fs/promises";
import { BadInputError, NotFoundError } from "../errors.ts";

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

/** Reads FILE, or standard input for "-". */
export async function readArticleSource(
  path: string,
  maxBytes: number,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  if (path === "-") return validateArticle(await readStdin(stdin), maxBytes, "standard input");
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new BadInputError(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new NotFoundError(`no such file: ${path}`);
  }
  if (size > maxBytes)
    throw new BadInputError(
      `${path} is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (set MAX_ARTICLE_BYTES to change it)`,
    );
  const buffer = await readFile(path);
  return validateArticle(buffer.toString("utf8"), maxBytes, path);
}

export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
