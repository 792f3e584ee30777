import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { NoArticleError } from "../errors.ts";
import { isoDate } from "./dates.ts";
import { type DomNode, paragraphsOf } from "./plain-text.ts";
import type { ExtractedArticle } from "./types.ts";

/**
 * The article in a fetched web page: Mozilla's Readability (Firefox Reader View) finds the story among
 * the navigation, share bars and footers; linkedom gives it a DOM without a browser.
 */

/** Less readable text than this is a login wall, a cookie page or an index, not an article. */
const MIN_ARTICLE_CHARS = 200;

const NO_ARTICLE = "No readable article found at that link.";

/** The DOM calls used on the page before Readability rewrites it. */
interface PageDocument {
  title?: string;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

export function extractArticle(html: string, url: string): ExtractedArticle {
  const { document } = parseHTML(asWholeDocument(html));
  const page = document as PageDocument;
  // Read before Readability runs: it strips the head and the elements around the article.
  const canonicalUrl = canonicalLink(page, url);
  const statedTime =
    attribute(page, 'meta[property="article:published_time"]', "content") ??
    attribute(page, 'meta[name="article:published_time"]', "content") ??
    attribute(page, "time[datetime]", "datetime");
  const statedAuthor = attribute(page, 'meta[name="author"]', "content");

  const article = readable(document);
  if (!article?.content) throw new NoArticleError(NO_ARTICLE);
  const body = paragraphsOf(article.content);
  if (body.join("\n\n").length < MIN_ARTICLE_CHARS) throw new NoArticleError(NO_ARTICLE);

  const byline = cleanByline(article.byline ?? statedAuthor);
  const publishedAt = isoDate(article.publishedTime ?? statedTime);
  const title = (article.title ?? page.title ?? "").trim();
  // As pasted text reads: the headline first, then the story; the byline line is metadata, not a paragraph.
  const isByline = (p: string) => byline !== undefined && p.replace(/^by\s+/i, "") === byline;
  const paragraphs = body.filter((p) => !isByline(p));
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  return {
    title,
    text: paragraphs.join("\n\n"),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
  };
}

/** Readability's result; a page that makes it throw has no article a reader could use either. */
function readable(document: ConstructorParameters<typeof Readability>[0]) {
  try {
    return new Readability<DomNode>(document, { serializer: (node) => node as DomNode }).parse();
  } catch (error) {
    throw new NoArticleError(NO_ARTICLE, { cause: error });
  }
}

/**
 * linkedom builds no document element for markup without <html>, and no body for a page that leaves
 * <body> out (HTML allows both); Readability needs both, so they are written in.
 */
function asWholeDocument(html: string): string {
  let page = html;
  if (!/<body[\s>]/i.test(page)) {
    const afterHead = /<\/head\s*>/i.exec(page) ?? /<html[^>]*>/i.exec(page);
    const at = afterHead ? afterHead.index + afterHead[0].length : 0;
    page = `${page.slice(0, at)}<body>${page.slice(at)}`;
  }
  if (!/<html[\s>]/i.test(page))
    page = `<!doctype html><html>${page.replace(/^\s*<!doctype[^>]*>/i, "")}</html>`;
  return page;
}

function attribute(page: PageDocument, selector: string, name: string): string | undefined {
  const value = page.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

/** <link rel=canonical>, resolved against the page's URL; only an http(s) result is kept. */
function canonicalLink(page: PageDocument, url: string): string | undefined {
  const href = attribute(page, 'link[rel~="canonical"]', "href");
  if (!href) return undefined;
  try {
    const resolved = new URL(href, url);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function cleanByline(byline: string | undefined): string | undefined {
  const cleaned = byline
    ?.replace(/\s+/g, " ")
    .replace(/^by\s+/i, "")
    .trim();
  return cleaned ? cleaned : undefined;
}
