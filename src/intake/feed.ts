import { type AnyFeed, parseFeed as parseAnyFeed } from "feedsmith";
import { NotAFeedError } from "../errors.ts";
import { isoDate } from "./dates.ts";
import { htmlToText } from "./plain-text.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";

/** RSS 0.9x/2.0, Atom, RDF (RSS 1.0) and JSON Feed, read by feedsmith into one item shape. */

const NOT_A_FEED = "That link is not an RSS, Atom or JSON feed.";

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
]);
const PAGE_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/**
 * Whether a fetched body is a feed rather than a page: its media type says so, or, for the generic types
 * feeds are often served as (XML, JSON, plain text, none), its opening element or JSON Feed version does.
 */
export function isFeed(contentType: string, body: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (FEED_TYPES.has(type)) return true;
  if (PAGE_TYPES.has(type)) return false;
  return looksLikeFeed(body);
}

function looksLikeFeed(body: string): boolean {
  const head = body
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    // The prolog a feed may open with: XML declaration, stylesheet instructions, comments, a doctype.
    .replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*/i, "");
  if (/^<(rss|feed|[\w-]+:RDF|RDF)[\s>]/.test(head)) return true;
  return head.startsWith("{") && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(body);
}

export function parseFeed(body: string): ParsedFeed {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed<string>(body);
  } catch (error) {
    throw new NotAFeedError(NOT_A_FEED, { cause: error });
  }
  switch (parsed.format) {
    case "rss": {
      const { feed } = parsed;
      const items = (feed.items ?? []).map((item) => rssItem(item, item.guid?.value, item.pubDate));
      return withTitle(feed.title, items);
    }
    case "rdf": {
      const { feed } = parsed;
      const items = (feed.items ?? []).map((item) => rssItem(item, item.rdf?.about, undefined));
      return withTitle(feed.title, items);
    }
    case "atom": {
      const { feed } = parsed;
      const items = (feed.entries ?? []).map((entry) => {
        const body = entry.content?.value ? entry.content : entry.summary;
        const link = alternateLink(entry.links);
        return feedItem({
          id: entry.id,
          link,
          title: entry.title?.value,
          ...(body?.value && isHtmlText(body.type) ? { html: body.value } : { text: body?.value }),
          date: entry.published ?? entry.updated,
        });
      });
      return withTitle(feed.title?.value, items);
    }
    case "json": {
      const { feed } = parsed;
      const items = (feed.items ?? []).map((item) =>
        feedItem({
          id: item.id,
          link: item.url ?? item.external_url,
          title: item.title,
          ...(item.content_html ? { html: item.content_html } : { text: item.content_text ?? item.summary }),
          date: item.date_published ?? item.date_modified,
        }),
      );
      return withTitle(feed.title, items);
    }
  }
}

/** The fields RSS 2.0 and RDF (RSS 1.0) items share; content:encoded is the full text when given. */
interface RssLikeItem {
  link?: string;
  title?: string;
  description?: string;
  content?: { encoded?: string };
  dc?: { dates?: string[] };
}

function rssItem(item: RssLikeItem, id: string | undefined, date: string | undefined): FeedItem | undefined {
  return feedItem({
    id,
    link: item.link,
    title: item.title,
    html: item.content?.encoded ?? item.description,
    date: date ?? item.dc?.dates?.[0],
  });
}

interface RawItem {
  id?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  html?: string | undefined;
  text?: string | undefined;
  date?: string | undefined;
}

/** An item in the contract's shape; one with neither id nor link cannot be told apart and is dropped. */
function feedItem(raw: RawItem): FeedItem | undefined {
  const link = raw.link?.trim() || undefined;
  const id = raw.id?.trim() || link;
  if (!id) return undefined;
  const title = raw.title ? htmlToText(raw.title).replace(/\n\n/g, " ") : undefined;
  const text = raw.html ? htmlToText(raw.html) : raw.text ? plainParagraphs(raw.text) : undefined;
  const publishedAt = isoDate(raw.date);
  return {
    id,
    ...(link ? { link } : {}),
    ...(title ? { title } : {}),
    ...(text ? { text } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

function withTitle(title: string | undefined, items: (FeedItem | undefined)[]): ParsedFeed {
  const kept = items.filter((item): item is FeedItem => item !== undefined);
  return title?.trim() ? { title: title.trim(), items: kept } : { items: kept };
}

/** Atom's link to the entry's page: rel="alternate", which is also what a link without rel means. */
function alternateLink(links: { rel?: string; href?: string }[] | undefined): string | undefined {
  return (links ?? []).find((l) => l.rel === undefined || l.rel === "alternate")?.href;
}

/** Atom text constructs are plain text unless typed html or xhtml. */
function isHtmlText(type: string | undefined): boolean {
  return type === "html" || type === "xhtml";
}

/** Plain text keeps its blank-line paragraphs; whitespace inside each is collapsed. */
function plainParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0)
    .join("\n\n");
}
