/**
 * What the rest of Newsdesk needs from the web: a page or feed fetched safely (see safe-fetch.ts), an
 * article extracted from HTML, a feed's items. Platform-agnostic: nothing here knows Discord.
 */

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

/** Readable text of a web page, paragraphs separated by blank lines like pasted text. */
export interface ExtractedArticle {
  title: string;
  text: string;
  byline?: string;
  /** ISO 8601 when the page states it. */
  publishedAt?: string;
  canonicalUrl?: string;
}

export interface FeedItem {
  /** guid / id, else the link: what deduplicates the item. */
  id: string;
  link?: string;
  title?: string;
  /** The item's own text (content or summary, HTML stripped), used when the link cannot be fetched. */
  text?: string;
  publishedAt?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

/** What a link holds: a page's article or a feed. */
export type LinkContent =
  | { kind: "page"; url: string; article: ExtractedArticle }
  | { kind: "feed"; url: string; feed: ParsedFeed };

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
