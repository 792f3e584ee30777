import { describe, expect, it } from "vitest";
import { openWebView, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { signLink } from "../src/web/link-token.ts";
import { CONTENT_SECURITY_POLICY, createWebApp, startWebServer } from "../src/web/server.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { STORY_TITLE, storyLibrary } from "./support/web-story.ts";

const SECRET = "a-test-secret-of-at-least-32-characters!";
const NOW = Date.UTC(2025, 0, 15, 12);
const HOUR = 3_600_000;

async function setup() {
  const { library, id } = await storyLibrary();
  const app = createWebApp({ library, secret: SECRET, now: () => NOW });
  const link = (version: number, over: { expiresAt?: number; articleId?: string; secret?: string } = {}) =>
    `/v/${signLink(
      { guildId: "g1", articleId: over.articleId ?? id, version, expiresAt: over.expiresAt ?? NOW + HOUR },
      over.secret ?? SECRET,
    )}`;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { res, html: await res.text() };
  };
  return { app, link, get, id };
}

/** The HTML of the article paragraph ¶n (up to the next paragraph). */
const paragraph = (html: string, n: number) => {
  const start = html.lastIndexOf("<div", html.indexOf(`id="p${n}"`));
  const end = html.lastIndexOf("<div", html.indexOf(`id="p${n + 1}"`, start));
  return html.slice(start, end < 0 ? undefined : end);
};

describe("web view page", () => {
  it("shows the article version: statuses in colour classes and in words, sources beside them", async () => {
    const { link, get } = await setup();
    const { res, html } = await get(link(1));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // Confirmed fact, from the fire service.
    const p1 = paragraph(html, 1);
    expect(p1).toMatch(/<mark class="s-confirmed"[^>]*>The Mill Lane footbridge/);
    expect(p1).toContain('<span class="label l-confirmed">Confirmed</span>');
    expect(p1).toContain("county fire service (official)");
    // Unconfirmed identity (a local outlet) and the open question (police).
    const p2 = paragraph(html, 2);
    expect(p2).toMatch(/<mark class="s-unconfirmed"[^>]*>named the man pulled from the water/);
    expect(p2).toContain('<span class="label l-unconfirmed">Unconfirmed</span>');
    expect(p2).toContain("HarlowNow (media)");
    expect(p2).toMatch(/<mark class="s-unknown"[^>]*>Police have not released his identity<\/mark>/);
    expect(p2).toContain('<span class="label l-unknown">Not known yet</span>');
    // The disputed count: both sides.
    const p3 = paragraph(html, 3);
    expect(p3).toMatch(/<mark class="s-disputed"[^>]*>four people were taken to hospital<\/mark>/);
    expect(p3).toMatch(/<mark class="s-disputed"[^>]*>at least seven were hurt<\/mark>/);
    expect(p3).toContain('<span class="label l-disputed">Disputed</span>');
    expect(p3).toContain("Mara Quell (witness)");
    // The brief.
    expect(html).toContain("<h2>What we know</h2>");
    expect(html).toContain("<h2>What we don't know</h2>");
  });

  it("strikes junk through with its reason, lists sources with kinds and merged spellings", async () => {
    const { link, get } = await setup();
    const { html } = await get(link(1));
    const junk = paragraph(html, 4);
    expect(junk).toContain('class="para junk"');
    expect(junk).toContain("<del>Ten riverside walks to try this spring.");
    expect(junk).toContain("spliced teaser: shares almost no terms with the story");
    expect(junk).not.toContain("<mark");
    const sources = html.slice(html.indexOf("<h2>Sources</h2>"), html.indexOf("<h2>Versions</h2>"));
    expect(sources).toContain("<strong>Mara Quell</strong> — witness");
    expect(sources).toContain("Also written: Mara Quel");
    expect(sources).toContain("<strong>HarlowNow</strong> — media");
  });

  it("shows article text as text: markup and scripts in paragraphs, quotes, claims and titles are escaped", async () => {
    const { link, get } = await setup();
    const { html } = await get(link(1));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<em>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toMatch(
      /<mark class="s-unconfirmed"[^>]*>A sign on the railing read &lt;b&gt;Closed for repairs&lt;\/b&gt;<\/mark>/,
    );
    expect(html).toContain("Footbridge collapse &lt;em&gt;live&lt;/em&gt;");
    expect(STORY_TITLE).toContain("<em>");
  });

  it("sends a strict Content-Security-Policy and keeps the link out of caches and referrers", async () => {
    const { link, get } = await setup();
    const { res, html } = await get(link(1));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    // Nothing external: no script, no stylesheet or font link, no remote URL at all.
    expect(html).not.toMatch(/<link|<script|@import|url\(|https?:\/\//);
  });

  it("shows the versions timeline with what changed between consecutive versions, with links to each", async () => {
    const { link, get } = await setup();
    const { html } = await get(link(2));
    const versions = html.slice(html.indexOf("<h2>Versions</h2>"));
    expect(versions).toContain("Version 2 (this page)");
    expect(versions).toMatch(/<a href="\.\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+">Version 1<\/a>/);
    expect(versions).toContain("First version.");
    expect(versions).toMatch(
      /<span class="label l-confirmed">Confirmed<\/span> The man pulled from the water was Petr Vasko, a delivery rider <span class="note">\(was unconfirmed\)<\/span>/,
    );
    expect(versions).toContain("No longer said: Police have not released his identity");
    expect(versions).toContain("New source: Harlow Council");
    // The link to version 1 opens version 1.
    const href = /<a href="\.\/([^"]+)">Version 1<\/a>/.exec(versions)?.[1];
    const v1 = await get(`/v/${href}`);
    expect(v1.res.status).toBe(200);
    expect(v1.html).toContain("Version 1 (this page)");
  });
});

describe("web view refusals", () => {
  it("refuses a forged, malformed or expired link with 403 and no detail", async () => {
    const { link, get } = await setup();
    const good = link(1);
    const forged = [
      link(1, { secret: "another-secret-of-at-least-32-chars!!" }),
      `${good.slice(0, -2)}${good.endsWith("AA") ? "BB" : "AA"}`,
      "/v/not-a-token",
      link(1, { expiresAt: NOW - 1 }),
      link(1, { expiresAt: NOW }),
    ];
    for (const path of forged) {
      const { res, html } = await get(path);
      expect(res.status, path).toBe(403);
      expect(html).toContain("This link has expired or is not valid");
      expect(html).not.toMatch(/forged|expired at|malformed|signature/i);
      expect(html).not.toContain("Footbridge");
      expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it("answers 404 for a version or article the library does not have, and for other paths", async () => {
    const { link, get } = await setup();
    expect((await get(link(3))).res.status).toBe(404);
    expect((await get(link(1, { articleId: "no-such-story" }))).res.status).toBe(404);
    expect((await get("/")).res.status).toBe(404);
    expect((await get("/v/")).res.status).toBe(404);
  });

  it("serves over HTTP on 127.0.0.1 and closes", async () => {
    const { app, link } = await setup();
    const server = await startWebServer(app, 0);
    try {
      expect(server.host).toBe("127.0.0.1");
      const res = await fetch(`http://127.0.0.1:${server.port}${link(1)}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Footbridge collapse &lt;em&gt;live&lt;/em&gt;");
    } finally {
      await server.close();
    }
  });
});

describe("web view wiring", () => {
  it("WEB_PORT set: the server starts, logs its port (never the secret), and links from linkFor open the page until they expire", async () => {
    const { library, id } = await storyLibrary();
    const { log, lines } = capturingLogger();
    let now = NOW;
    const config = {
      ...loadConfig({ WEB_PORT: "8080", WEB_SECRET: SECRET, WEB_LINK_TTL_HOURS: "2" }),
      WEB_PORT: 0, // any free port
      WEB_PUBLIC_URL: undefined,
    };
    const web = await openWebView(config, { library } as unknown as Services, log, { now: () => now });
    if (!web) throw new Error("the web view did not start");
    try {
      const url = web.linkFor("g1", id, 2);
      expect(url).toMatch(new RegExp(`^http://localhost:${web.port}/v/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
      const local = url.replace("localhost", "127.0.0.1");
      expect((await fetch(local)).status).toBe(200);
      now += 2 * HOUR;
      expect((await fetch(local)).status).toBe(403);
      const line = lines.find((l) => l.msg === "web view listening");
      expect(line).toMatchObject({ port: web.port, host: "127.0.0.1", linkTtlHours: 2 });
      expect(JSON.stringify(lines)).not.toContain(SECRET);
    } finally {
      await web.close();
    }
  });

  it("WEB_PORT unset: no web view", async () => {
    const { library } = await storyLibrary();
    expect(await openWebView(loadConfig({}), { library } as unknown as Services, capturingLogger().log)).toBe(
      undefined,
    );
  });
});
