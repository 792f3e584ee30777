import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { StorySite, storyPage } from "./support/story-site.ts";
import { startTs } from "./support/ts-process.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn("follow-redis: REDIS_URL is not set, so the two-process follow test is SKIPPED");
const WORKER = fileURLToPath(new URL("./support/follow-worker.ts", import.meta.url));

function worker(postsFile: string, name: string, allow: string) {
  return startTs(WORKER, [postsFile, name], { ...process.env, FETCH_ALLOW_HOSTS: allow });
}

describe.skipIf(!REDIS_URL)("two bot processes following one page on Redis", () => {
  const site = new StorySite();
  beforeAll(async () => {
    await site.start();
  });
  afterAll(async () => {
    await site.stop();
  });

  it("post each change once, over three changes", async () => {
    const guildId = `g-${randomUUID()}`;
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-follow-"));
    const postsFile = join(dir, "posts.jsonl");
    writeFileSync(postsFile, "");
    site.set("/live", storyPage("story-v1"));
    const services = await openServices(
      loadConfig({ STORE_URL: REDIS_URL ?? "", FETCH_ALLOW_HOSTS: site.allowHost }),
      createLogger("silent"),
      { cache: true },
    );
    const start = new Date("2030-01-01T00:00:00Z");
    const id = randomUUID().replace(/-/g, "").slice(0, 10);
    await services.follows?.save({
      id,
      guildId,
      channelId: "c1",
      url: site.url("/live"),
      kind: "page",
      everyMinutes: 1,
      createdBy: "t",
      createdAt: start.toISOString(),
      nextCheckAt: start.toISOString(),
      failures: 0,
      seenItems: [],
    });
    const workers = [worker(postsFile, "a", site.allowHost), worker(postsFile, "b", site.allowHost)];
    try {
      await Promise.all(workers.map((w) => w.waitFor("ready")));
      // Every two minutes a check is due; the page changes before some of them.
      const versions = [undefined, "story-v3-confirmed", undefined, "story-v4-hospital", "story-v5-motive"];
      for (let step = 0; step < versions.length; step++) {
        const version = versions[step];
        if (version) site.set("/live", storyPage(version));
        const at = new Date(start.getTime() + step * 120_000).toISOString();
        for (const w of workers) w.child.stdin.write(`${at}\n`);
        await Promise.all(workers.map((w) => w.waitFor(`done ${at}`)));
      }
      const posts = readFileSync(postsFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { worker: string; at: string; title: string });
      expect(posts.map((p) => p.at)).toEqual([
        new Date(start.getTime() + 1 * 120_000).toISOString(),
        new Date(start.getTime() + 3 * 120_000).toISOString(),
        new Date(start.getTime() + 4 * 120_000).toISOString(),
      ]);
      expect(posts.every((p) => p.title.includes("Update: Van driver kills two"))).toBe(true);
      const follow = await services.follows?.get(guildId, id);
      const article = await services.library?.get(guildId, follow?.articleId ?? "");
      expect(article?.versions).toHaveLength(4);
      // Unchanged checks were conditional: the site answered 304.
      expect(site.requests.some((r) => r.status === 304 && r.headers["if-none-match"])).toBe(true);
    } finally {
      for (const w of workers) w.child.stdin.end();
      await services.close();
    }
  }, 90_000);
});
