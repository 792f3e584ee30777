import { readFile, stat } from "node:fs/promises";
import { formatBytes, validateArticle } from "../digest/article-text.ts";
import { BadInputError, NotFoundError } from "../errors.ts";

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
