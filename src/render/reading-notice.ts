import type { Digest } from "../digest/schema.ts";
import type { Reply } from "../reply.ts";

/**
 * What a reporter must know before reading any answer from this digest: today, that the article is
 * in a language the offline engine does not read (the warning's own message says so plainly).
 */
export function readingNotice(digest: Digest): string | undefined {
  const w = digest.warnings.find((x) => x.kind === "language_unsupported");
  return w ? `⚠ ${w.message}` : undefined;
}

/** The reply with the notice at the top of its first embed (once, however often it is applied). */
export function withReadingNotice(digest: Digest, reply: Reply): Reply {
  const notice = readingNotice(digest);
  const [first, ...rest] = reply.embeds;
  if (notice === undefined || first === undefined || first.description?.startsWith(notice)) return reply;
  const description = first.description ? `${notice}\n\n${first.description}` : notice;
  return { ...reply, embeds: [{ ...first, description }, ...rest] };
}
