import { extractArticle } from "./extract.ts";
import { isFeed, parseFeed } from "./feed.ts";
import { createSafeFetcher } from "./safe-fetch.ts";
import type { FetchedResource, Intake } from "./types.ts";

/** Plain text served as text/plain is already an article: its first line is the title. */
function plainArticle(resource: FetchedResource) {
  const text = resource.body.replace(/\r\n?/g, "\n").trim();
  return { title: text.split("\n")[0]?.trim().slice(0, 200) ?? "", text };
}

/** The settings the intake reads (the config module's names; intake does not import config). */
export interface WebIntakeSettings {
  FETCH_ALLOW_HOSTS: readonly string[];
  FETCH_TIMEOUT_MS: number;
  FETCH_MAX_BYTES: number;
  FETCH_MAX_REDIRECTS: number;
}

/** The intake the bot and the CLI use: the SSRF-safe fetcher with the FETCH_ settings, readability, feedsmith. */
export function createWebIntake(config: WebIntakeSettings): Intake {
  const fetcher = createSafeFetcher({
    allowHosts: config.FETCH_ALLOW_HOSTS,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
  });
  return {
    fetch: (url, conditional) => fetcher.fetch(url, conditional),
    readArticle: (resource) =>
      resource.contentType === "text/plain"
        ? plainArticle(resource)
        : extractArticle(resource.body, resource.url),
    readFeed: (resource) =>
      isFeed(resource.contentType, resource.body) ? parseFeed(resource.body) : undefined,
    close: () => fetcher.close(),
  };
}
