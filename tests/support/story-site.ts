import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The story fixtures (tests/fixtures/follow) as a news site's HTML page: nav, article, footer. */
export function storyPage(version: string): string {
  const text = readFileSync(new URL(`../fixtures/follow/${version}.txt`, import.meta.url), "utf8");
  const [title = "", ...paragraphs] = text.trim().split(/\n\s*\n/);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} | Harbor Daily</title>
<meta property="article:published_time" content="2026-11-23T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<header><p>Subscribe to Harbor Daily for unlimited access</p></header>
<main><article><h1>${esc(title)}</h1><p class="byline">By Dana Reyes</p>
${paragraphs.map((p) => `<p>${esc(p.trim())}</p>`).join("\n")}
</article></main>
<footer><p>© 2026 Harbor Daily. All rights reserved.</p><p>Share this story</p></footer></body></html>`;
}

export interface SiteRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/**
 * A local site on 127.0.0.1 whose pages change between requests: each path serves its current body with
 * an ETag and Last-Modified, answers 304 to matching validators, and can be made to fail.
 */
export class StorySite {
  readonly requests: SiteRequest[] = [];
  private readonly bodies = new Map<string, { body: string; type: string; modified: string }>();
  failing = false;
  private server: Server | undefined;
  port = 0;

  set(path: string, body: string, type = "text/html; charset=utf-8"): void {
    // A later second each time: Last-Modified changes with every new body.
    const modified = new Date(Date.UTC(2026, 10, 26, 9, 0, this.bodies.size + this.requests.length + 1));
    this.bodies.set(path, { body, type, modified: modified.toUTCString() });
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  get allowHost(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? "/";
      const page = this.bodies.get(path);
      const answer = (status: number, headers: Record<string, string> = {}, body = "") => {
        this.requests.push({ path, headers: req.headers, status });
        res.writeHead(status, headers).end(body);
      };
      if (this.failing) return answer(503, { "content-type": "text/plain" }, "down for maintenance");
      if (!page) return answer(404, { "content-type": "text/plain" }, "not found");
      const etag = `"${createHash("sha256").update(page.body).digest("hex").slice(0, 16)}"`;
      if (req.headers["if-none-match"] === etag) return answer(304, { etag, "last-modified": page.modified });
      answer(200, { "content-type": page.type, etag, "last-modified": page.modified }, page.body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
