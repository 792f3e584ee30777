/**
 * What the rest of Newsdesk needs from the web: a page or feed fetched safely (see safe-fetch.ts), an
 * article extracted from HTML, a feed's items. Platform-agnostic: nothing here knows Discord.
 */
import { z } from "zod";

/** Validators from the last fetch, sent back so an unchanged page costs a 304 and no body. */
export interface ConditionalHeaders {
  etag?: string;
  lastModified?: string;
}

export interface FetchedResource {
  /** The URL the body came from, after redirects. */
  url: string;
  /** 304: unchanged since the validators given; body is then empty. */
  status: 200 | 304;
  /** The media type, lower case, without parameters ("text/html"); empty on 304. */
  contentType: string;
  body: string;
  etag?: string;
  lastModified?: string;
}

export interface ResourceFetcher {
  fetch(url: string, conditional?: ConditionalHeaders): Promise<FetchedResource>;
}

const optional = () => z.string().exactOptional();

/** Readable text of a web page, paragraphs separated by blank lines like pasted text. */
export const ExtractedArticleSchema = z.object({
  title: z.string(),
  text: z.string(),
  byline: optional(),
  /** ISO 8601 when the page states it. */
  publishedAt: optional(),
  canonicalUrl: optional(),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticleSchema>;

export const FeedItemSchema = z.object({
  /** guid / id, else the link: what deduplicates the item. */
  id: z.string(),
  link: optional(),
  title: optional(),
  /** The item's own text (content or summary, HTML stripped), used when the link cannot be fetched. */
  text: optional(),
  publishedAt: optional(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

export const ParsedFeedSchema = z.object({ title: optional(), items: z.array(FeedItemSchema) });
export type ParsedFeed = z.infer<typeof ParsedFeedSchema>;

/** What a link holds: a page's article or a feed (checked when a queue worker's answer arrives). */
export const LinkContentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page"), url: z.string(), article: ExtractedArticleSchema }),
  z.object({ kind: z.literal("feed"), url: z.string(), feed: ParsedFeedSchema }),
]);
export type LinkContent = z.infer<typeof LinkContentSchema>;

/** The web as Newsdesk sees it: fetch with validators, read a page's article or a feed's items. */
export interface Intake {
  /**
   * Reads a link somewhere else (the job queue's workers download and extract it): when present,
   * `readLink` (read-link.ts) uses it instead of fetching here. Polls with validators still fetch here.
   */
  readLink?(url: string): Promise<LinkContent>;
  fetch(url: string, conditional?: ConditionalHeaders): Promise<FetchedResource>;
  readArticle(resource: FetchedResource): ExtractedArticle;
  /** The feed in a response, or undefined when it is a page. */
  readFeed(resource: FetchedResource): ParsedFeed | undefined;
  /** Releases kept-alive connections. */
  close?(): Promise<void>;
}
