import { existsSync } from "node:fs";
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Status } from "../src/digest/schema.ts";
import { signLink } from "../src/web/link-token.ts";
import { STATUS_LABEL } from "../src/web/page.ts";
import { createWebApp, startWebServer, type WebServer } from "../src/web/server.ts";
import { CRANE, CRANE_TITLE, craneLibrary } from "./support/web-browser-story.ts";

/**
 * The web view as a reader's browser shows it: Debian's chromium (apt-get install chromium) driven by
 * playwright-core, against the real server on a local port. The page's colours are read back as the browser
 * computed them, and its text from the DOM the browser built. Without chromium the file is skipped with a
 * warning, unless REQUIRE_BROWSER=1 (CI sets it, after installing chromium), which makes that a failure.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_BROWSER = existsSync(CHROMIUM);
const REQUIRED = process.env.REQUIRE_BROWSER === "1";
if (!HAVE_BROWSER && !REQUIRED)
  console.warn(
    `tests/web-browser.test.ts SKIPPED: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH); ` +
      "REQUIRE_BROWSER=1 makes this a failure",
  );

const SECRET = "a-browser-test-secret-of-32-characters!";
const HOUR = 3_600_000;
const STATUSES = Object.keys(STATUS_LABEL) as Status[];

/** `#1b5e20` as the browser reports a computed colour: `rgb(27, 94, 32)`. */
const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** The value of `property` in the rule for `selector` in the page's own style block, as a computed rgb(). */
function declared(css: string, selector: string, property: string): string {
  const body = new RegExp(`${selector.replace(".", "\\.")}\\{([^}]*)\\}`).exec(css)?.[1] ?? "";
  const value = new RegExp(`(?:^|;)${property}:(#[0-9a-fA-F]{6})`).exec(body)?.[1];
  if (!value) throw new Error(`the page's CSS declares no ${property} for ${selector}`);
  return rgb(value);
}

// The project's types are Node's (no DOM lib): the little of the DOM this reads, described here.
interface Styled {
  ownerDocument: { defaultView: { getComputedStyle(el: Styled): { getPropertyValue(p: string): string } } };
}

/** The browser's computed value of a CSS property on the (single) element the locator finds. */
const computed = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => {
    const styled = el as unknown as Styled;
    return styled.ownerDocument.defaultView.getComputedStyle(styled).getPropertyValue(p);
  }, property);

describe.skipIf(!HAVE_BROWSER && !REQUIRED)("web view in a real browser (chromium)", () => {
  let browser: Browser;
  let server: WebServer;
  let origin: string;
  let id: string;
  const link = (version: number, over: { expiresAt?: number; secret?: string } = {}) =>
    `${origin}/v/${signLink(
      { guildId: "g1", articleId: id, version, expiresAt: over.expiresAt ?? Date.now() + HOUR },
      over.secret ?? SECRET,
    )}`;

  beforeAll(async () => {
    if (!HAVE_BROWSER)
      throw new Error(
        `REQUIRE_BROWSER=1 but there is no chromium at ${CHROMIUM}: apt-get install -y chromium`,
      );
    const fixture = await craneLibrary();
    id = fixture.id;
    [browser, server] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] }),
      startWebServer(createWebApp({ library: fixture.library, secret: SECRET }), 0),
    ]);
    origin = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a URL in a fresh context, waits for the load event, and records every request the page made. */
  async function open(url: string, options: BrowserContextOptions = {}) {
    const context = await browser.newContext(options);
    const page: Page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const response = await page.goto(url, { waitUntil: "load" });
    return { page, response, requests, close: () => context.close() };
  }

  const onlyLocal = (requests: string[]) => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(`${origin}/`), url).toBe(true);
  };

  it("shows every status in its declared colours and in words, with the source on hover", async () => {
    const { page, response, requests, close } = await open(link(1));
    try {
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe(`${CRANE_TITLE} — Newsdesk`);
      const css = (await page.locator("style").textContent()) ?? "";
      const quotes: Record<Status, { p: number; quote: string; source: string }> = {
        confirmed: { p: 1, quote: CRANE.confirmed, source: "Portmere harbour authority" },
        unconfirmed: { p: 2, quote: CRANE.unconfirmed, source: "Portmere Gazette" },
        disputed: { p: 3, quote: CRANE.disputedB, source: "dockers' union" },
        unknown: { p: 4, quote: CRANE.unknown, source: "the article" },
      };
      const backgrounds = new Set<string>();
      for (const status of STATUSES) {
        const { p, quote, source } = quotes[status];
        const mark = page.locator(`#p${p} mark.s-${status}`, { hasText: quote });
        expect(await mark.count(), status).toBe(1);
        expect(await mark.textContent()).toBe(quote);
        expect(await mark.getAttribute("title")).toBe(`${STATUS_LABEL[status]}: ${source}`);
        const background = await computed(mark, "background-color");
        expect(background, status).toBe(declared(css, `.s-${status}`, "background"));
        expect(await computed(mark, "border-bottom-color"), status).toBe(
          declared(css, `.s-${status}`, "border-color"),
        );
        backgrounds.add(background);
        // The words beside the colour: the label right after the highlight, white on the status's colour.
        const label = page.locator(`#p${p} mark.s-${status}:text-is(${JSON.stringify(quote)}) + .label`);
        expect(await label.textContent()).toBe(STATUS_LABEL[status]);
        expect(await computed(label, "background-color"), status).toBe(
          declared(css, `.l-${status}`, "background"),
        );
        expect(await computed(label, "color")).toBe("rgb(255, 255, 255)");
        // And in the list of statements under the paragraph.
        expect(await page.locator(`#p${p} .claims .l-${status}`).count(), status).toBeGreaterThan(0);
      }
      expect(backgrounds.size).toBe(STATUSES.length);
      // The legend names every status.
      expect(await page.locator(".legend .label").allTextContents()).toEqual(
        STATUSES.map((s) => STATUS_LABEL[s]),
      );
      // Both sides of the dispute are marked.
      expect(await page.locator("#p3 mark.s-disputed").allTextContents()).toEqual([
        CRANE.disputedA,
        CRANE.disputedB,
      ]);
      onlyLocal(requests);
    } finally {
      await close();
    }
  });

  it("strikes junk through, says why it was dropped, and highlights nothing in it", async () => {
    const { page, close } = await open(link(1));
    try {
      const junk = page.locator("#p5");
      expect(await junk.getAttribute("class")).toBe("para junk");
      const struck = junk.locator("del");
      expect(await struck.textContent()).toBe(CRANE.junk);
      expect(await computed(struck, "text-decoration-line")).toBe("line-through");
      expect(await junk.locator(".why").textContent()).toBe(
        `Dropped as not part of the story: ${CRANE.junkReason}`,
      );
      expect(await junk.locator("mark, .label").count()).toBe(0);
      // Kept paragraphs are not struck through.
      expect(await computed(page.locator("#p1"), "text-decoration-line")).toBe("none");
    } finally {
      await close();
    }
  });

  it("shows the change between versions, and the link to the earlier version opens it", async () => {
    const { page, requests, close } = await open(link(2));
    try {
      const versions = page.locator("ol.versions > li");
      expect(await versions.count()).toBe(2);
      expect(await versions.nth(1).locator(".current").textContent()).toBe("Version 2 (this page)");
      const changes = (await versions.nth(1).locator(".diff > li").allTextContents()).map((t) =>
        t.replace(/\s+/g, " "),
      );
      expect(changes).toEqual([
        "Confirmed The fire began in the machinery house (was unconfirmed)",
        `Confirmed ${CRANE.answer} (was not known yet)`,
        "New source: fire investigators (official)",
      ]);
      expect(await versions.nth(1).locator(".diff .l-confirmed").count()).toBe(2);
      // Version 2's article: the answered question is confirmed now, the open one gone.
      expect(await page.locator("#p4 mark.s-confirmed").textContent()).toBe(CRANE.answer);
      expect(await page.locator("mark.s-unknown:not(.legend mark)").count()).toBe(0);
      // Follow the link to version 1 the way a reader would.
      await Promise.all([page.waitForURL(/\/v\/[^/]+$/), versions.nth(0).locator("a").click()]);
      await page.waitForLoadState("load");
      expect(await page.locator("ol.versions .current").textContent()).toBe("Version 1 (this page)");
      expect(await page.locator("#p4 mark.s-unknown").textContent()).toBe(CRANE.unknown);
      onlyLocal(requests);
    } finally {
      await close();
    }
  });

  // Without the CSP as well: the CSP would stop an inline script anyway, so this shows the escaping alone
  // keeps the article's markup inert.
  for (const bypassCSP of [false, true])
    it(`shows markup and a script in the article as text and never runs it (CSP ${bypassCSP ? "bypassed" : "on"})`, async () => {
      const { page, close } = await open(link(1), { bypassCSP });
      try {
        expect(await page.evaluate(() => "__ran" in globalThis)).toBe(false);
        const paragraph = page.locator("#p6");
        const text = (await paragraph.textContent()) ?? "";
        expect(text).toContain("<script>window.__ran = true</script>");
        expect(text).toContain("<b>bold</b>");
        expect(await paragraph.locator("mark.s-unconfirmed").textContent()).toBe(CRANE.markup);
        expect(await paragraph.locator("b, script").count()).toBe(0);
        expect(await page.locator("script, b, i").count()).toBe(0);
        expect(await page.locator("h1").textContent()).toBe(CRANE_TITLE);
      } finally {
        await close();
      }
    });

  it("refuses an expired or forged link with the refusal page (403), and shows nothing of the article", async () => {
    const good = link(1);
    const signature = good.slice(good.lastIndexOf(".") + 1);
    const refused = {
      expired: link(1, { expiresAt: Date.now() - 1000 }),
      "signed with another secret": link(1, { secret: "another-secret-of-at-least-32-chars!!" }),
      "signature altered": `${good.slice(0, -signature.length)}${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`,
      "version altered": link(1).replace(/\/v\/[^.]+/, () => {
        const body = { g: "g1", a: id, v: 2, e: Date.now() + HOUR };
        return `/v/${Buffer.from(JSON.stringify(body)).toString("base64url")}`;
      }),
    };
    for (const [why, url] of Object.entries(refused)) {
      const { page, response, requests, close } = await open(url);
      try {
        expect(response?.status(), why).toBe(403);
        expect(await page.locator("h1").textContent(), why).toBe("This link has expired or is not valid");
        expect(await page.locator("body").textContent(), why).not.toContain("Crane");
        onlyLocal(requests);
      } finally {
        await close();
      }
    }
  });

  it("fits a phone's width without sideways scrolling", async () => {
    const { page, close } = await open(link(2), { viewport: { width: 360, height: 740 }, isMobile: true });
    try {
      const fits = await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
      expect(fits).toBe(true);
      expect(await computed(page.locator("body"), "font-size")).toBe("16px");
    } finally {
      await close();
    }
  });
});
