/**
 * The picture of the web view in the README (docs/web-view.png): the sample article
 * (examples/sample-breaking-news.txt) digested by the offline engine and kept in an in-memory library as
 * one article in two versions, the second an update of the kind a live story gets the next morning (the
 * attacker named, the midnight "identity not confirmed" paragraph replaced). The real web server serves it
 * on a local port and Debian's chromium, driven by playwright-core, photographs version 2's page: the whole
 * page at a desktop width into docs/web-view.png, and at a phone width into the temp directory (to look at,
 * not committed), each re-encoded with a palette (scripts/png-palette.ts) to keep it small.
 *
 * npx tsx scripts/web-screenshot.ts   (chromium: apt-get install -y chromium, or set CHROMIUM_PATH)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Keyv from "keyv";
import { chromium } from "playwright-core";
import { OfflineEngine } from "../src/engine/offline.ts";
import { KeyvArticleLibrary } from "../src/library/library.ts";
import { createLogger } from "../src/log.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { signLink } from "../src/web/link-token.ts";
import { createWebApp, startWebServer } from "../src/web/server.ts";
import { toPalettePng } from "./png-palette.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DESKTOP_OUT = join(root, "docs/web-view.png");
const PHONE_OUT = join(tmpdir(), "web-view-phone.png");
const SECRET = "screenshot-secret-of-at-least-32-characters";

const first = readFileSync(join(root, "examples/sample-breaking-news.txt"), "utf8");
const MIDNIGHT =
  "The French interior ministry spokesman said at around midnight that no information circulating concerning the attacker's identity had been confirmed. They had no other details about him.";
if (!first.includes(MIDNIGHT))
  throw new Error("the sample article changed: update scripts/web-screenshot.ts");
const second = first.replace(
  MIDNIGHT,
  // An update written for the picture (no real-world facts added): the authority confirms without naming.
  "The Paris prosecutor's office said on Friday that the attacker had been identified, and that his name would be released later.",
);

// The versions' times as the story ran: the evening of the attack, then the next morning.
let clock = new Date("2017-04-20T21:40:00Z");
const digests = new DigestService({
  engine: new OfflineEngine(),
  store: undefined,
  log: createLogger("silent"),
  timeoutMs: 5_000,
});
const library = new KeyvArticleLibrary(new Keyv(), digests, 5_000, { now: () => clock });
const origin = { kind: "paste" as const };
const added = await library.add({ guildId: "g1", text: first, origin, addedBy: "screenshot" });
clock = new Date("2017-04-21T09:15:00Z");
await library.update({ guildId: "g1", id: added.article.id, text: second, origin, addedBy: "screenshot" });

const server = await startWebServer(createWebApp({ library, secret: SECRET }), 0);
const browser = await chromium
  .launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] })
  .catch(async (error) => {
    await server.close();
    throw error;
  });
try {
  const token = signLink(
    { guildId: "g1", articleId: added.article.id, version: 2, expiresAt: Date.now() + 3_600_000 },
    SECRET,
  );
  const url = `http://127.0.0.1:${server.port}/v/${token}`;
  const shots = [
    { out: DESKTOP_OUT, viewport: { width: 1100, height: 800 }, isMobile: false },
    { out: PHONE_OUT, viewport: { width: 390, height: 844 }, isMobile: true },
  ];
  for (const { out, viewport, isMobile } of shots) {
    const context = await browser.newContext({ viewport, isMobile, deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: "load" });
      if (response?.status() !== 200) throw new Error(`the page answered ${response?.status()}`);
      // 128 colours: the text stays crisp and the desktop picture stays under 500 KB.
      const png = toPalettePng(await page.screenshot({ fullPage: true }), 128);
      writeFileSync(out, png);
      console.log(`${out}: ${viewport.width} px wide, full page, ${Math.round(png.length / 1024)} KB`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
