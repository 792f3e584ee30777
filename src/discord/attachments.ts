import type { Attachment } from "discord.js";
import { formatBytes, validateArticle } from "../digest/article-text.ts";
import { BadInputError } from "../errors.ts";

const FETCH_TIMEOUT_MS = 10_000;

/** Reads an attached article: plain text only, within the size limit, checked like any other input. */
export async function readAttachment(attachment: Attachment, maxBytes: number): Promise<string> {
  const type = attachment.contentType ?? "";
  if (!/\.txt$/i.test(attachment.name) && !type.startsWith("text/plain"))
    throw new BadInputError("Attach the article as a plain-text .txt file.");
  if (attachment.size > maxBytes)
    throw new BadInputError(
      `The file is ${formatBytes(attachment.size)}, over the limit of ${formatBytes(maxBytes)}.`,
    );
  let response: Response;
  try {
    response = await fetch(attachment.url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: "error",
    });
  } catch {
    throw new BadInputError("Could not download the attachment; try again.");
  }
  if (!response.ok) throw new BadInputError("Could not download the attachment; try again.");
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.byteLength > maxBytes)
    throw new BadInputError(
      `The file is ${formatBytes(buffer.byteLength)}, over the limit of ${formatBytes(maxBytes)}.`,
    );
  return validateArticle(buffer.toString("utf8"), maxBytes, "the attached file");
}
