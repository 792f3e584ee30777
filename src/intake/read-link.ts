import { BadInputError } from "../errors.ts";
import type { ExtractedArticle, Intake, LinkContent } from "./types.ts";

export type { LinkContent } from "./types.ts";

/**
 * What a link holds: a page's article or a feed. Refusals (address, size, time, type) are FetchRefusedErrors.
 * An intake that reads links elsewhere (the job queue) does it there.
 */
export async function readLink(intake: Intake, url: string): Promise<LinkContent> {
  if (intake.readLink) return intake.readLink(url);
  const resource = await intake.fetch(url);
  const feed = intake.readFeed(resource);
  if (feed) return { kind: "feed", url: resource.url, feed };
  return { kind: "page", url: resource.url, article: intake.readArticle(resource) };
}

/**
 * The article of a link that must be a page; a feed is refused, saying how the edge follows one
 * (`followWith`: "/follow add", "`newsdesk follow add URL`").
 */
export async function readPage(intake: Intake, url: string, followWith: string): Promise<ExtractedArticle> {
  const content = await readLink(intake, url);
  if (content.kind === "feed")
    throw new BadInputError(
      `That link is a feed, not an article: follow it with ${followWith} to add its items.`,
    );
  return content.article;
}
