import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Digest } from "../digest/schema.ts";
import { NotFoundError } from "../errors.ts";
import { diffDigests } from "../library/diff.ts";
import type { ArticleLibrary } from "../library/library.ts";
import type { Logger } from "../log.ts";
import { signLink, verifyLink } from "./link-token.ts";
import { messagePage, renderPage, STYLE_HASH, type VersionEntry } from "./page.ts";

/** A route another part serves on the same server (the Discord edge's POST /interactions). */
export interface PostRoute {
  path: string;
  handle(request: Request): Promise<Response>;
}

export interface WebAppOptions {
  library: ArticleLibrary;
  /** Signs and checks the links (WEB_SECRET). */
  secret: string;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
  log?: Logger;
  /** How many of the latest versions the timeline shows (default 20; the page's own version always). */
  timelineVersions?: number;
  routes?: PostRoute[] | undefined;
}

/** Nothing but the page's own style block; no script, font, image, frame or form. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const REFUSED = messagePage(
  "This link has expired or is not valid",
  "Ask Newsdesk for the digest again (for example /summary or /brief) to get a new link.",
);
const NOT_FOUND = messagePage("Not found", "This article or version is not in the library any more.");
const FAILED = messagePage("Could not show this page", "Something went wrong on our side; please try again.");

/**
 * The read-only web view: GET /v/:token shows the article version the signed token names. A forged,
 * malformed or expired token gets 403 with no detail, a missing article or version 404. Every response
 * carries a strict CSP, no caching and no referrer (the token is a credential and must not leak).
 */
export function createWebApp(options: WebAppOptions): Hono {
  const { library, secret } = options;
  const now = options.now ?? Date.now;
  const keep = options.timelineVersions ?? 20;
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    c.header("X-Frame-Options", "DENY");
  });

  for (const route of options.routes ?? []) app.post(route.path, (c) => route.handle(c.req.raw));

  app.get("/v/:token", async (c) => {
    const check = verifyLink(c.req.param("token"), secret, now());
    if (!check.ok) {
      options.log?.info({ reason: check.reason }, "web view link refused");
      return c.html(REFUSED, 403);
    }
    const { guildId, articleId, version, expiresAt } = check.payload;
    try {
      const article = await library.get(guildId, articleId);
      const { meta, stored } = await library.version(guildId, articleId, version);
      const last = article.versions.length;
      const shown = new Set<number>([version]);
      for (let n = Math.max(1, last - keep + 1); n <= last; n++) shown.add(n);
      const needed = new Set<number>();
      for (const n of shown) for (const m of [n, n - 1]) if (m >= 1) needed.add(m);
      const digests = new Map<number, Digest>([[version, stored.digest]]);
      await Promise.all(
        [...needed]
          .filter((n) => !digests.has(n))
          .map(async (n) => {
            const read = await library.version(guildId, articleId, n).catch((error: unknown) => {
              if (error instanceof NotFoundError) return undefined; // a version lost from the store
              throw error;
            });
            if (read) digests.set(n, read.stored.digest);
          }),
      );
      const versions: VersionEntry[] = article.versions
        .filter((v) => shown.has(v.version))
        .map((v) => {
          const before = digests.get(v.version - 1);
          const after = digests.get(v.version);
          return {
            meta: v,
            diff: before && after ? diffDigests(before, after) : undefined,
            // Other versions for as long as this link lasts: viewing never extends access.
            href: `./${signLink({ guildId, articleId, version: v.version, expiresAt }, secret)}`,
          };
        });
      return c.html(
        renderPage({
          article,
          version: meta,
          digest: stored.digest,
          versions,
          omittedVersions: last - shown.size,
        }),
      );
    } catch (error) {
      if (error instanceof NotFoundError) return c.html(NOT_FOUND, 404);
      options.log?.error({ err: error, guildId, articleId, version }, "web view failed");
      return c.html(FAILED, 500);
    }
  });

  app.notFound((c) => c.html(NOT_FOUND, 404));
  app.onError((error, c) => {
    options.log?.error({ err: error }, "web view failed");
    return c.html(FAILED, 500);
  });
  return app;
}

export interface WebServer {
  /** The port it listens on (the one given, or the one picked for port 0). */
  port: number;
  host: string;
  close(): Promise<void>;
}

/** Serves the app over HTTP; 127.0.0.1 unless told otherwise (publish it through a reverse proxy). */
export function startWebServer(app: Hono, port: number, host = "127.0.0.1"): Promise<WebServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) =>
      resolve({
        port: info.port,
        host,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive connections would hold close() open.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      }),
    );
    server.once("error", reject);
  });
}
