import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { sampleText } from "./support/paths.ts";
import { startTs } from "./support/ts-process.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("schedule-redis: REDIS_URL is not set, so the two-process schedule test is SKIPPED");
const WORKER = fileURLToPath(new URL("./support/schedule-worker.ts", import.meta.url));

function worker(postsFile: string, name: string) {
  return startTs(WORKER, [postsFile, name]);
}

describe.skipIf(!REDIS_URL)("two bot processes sharing Redis", () => {
  it("post each scheduled run exactly once", async () => {
    const guildId = `g-${randomUUID()}`;
    const channelId = `c-${randomUUID()}`;
    const scheduleId = randomUUID().replace(/-/g, "").slice(0, 12);
    const services = await openServices(loadConfig({ STORE_URL: REDIS_URL ?? "" }), createLogger("silent"), {
      cache: true,
    });
    const { article } =
      (await services.library?.add({
        guildId,
        text: sampleText(),
        origin: { kind: "paste" },
        addedBy: "t",
      })) ?? {};
    await services.schedules?.save({
      id: scheduleId,
      guildId,
      channelId,
      articleId: article?.id ?? "",
      cron: "*/30 * * * *",
      timezone: "Europe/Paris",
      onlyChanges: false,
      createdBy: "t",
      createdAt: "2030-01-01T00:00:00.000Z",
      lastRunAt: "2030-01-01T00:00:00.000Z",
    });

    const postsFile = join(mkdtempSync(join(tmpdir(), "newsdesk-sched-")), "posts.jsonl");
    writeFileSync(postsFile, "");
    const a = worker(postsFile, "a");
    const b = worker(postsFile, "b");
    await Promise.all([a.waitFor("ready"), b.waitFor("ready")]);
    const runs = [
      "2030-01-01T00:30:10.000Z",
      "2030-01-01T01:00:10.000Z",
      "2030-01-01T01:30:10.000Z",
      "2030-01-01T02:00:10.000Z",
    ];
    for (const at of runs) {
      // Both processes tick the same run at the same moment.
      a.child.stdin.write(`${at}\n`);
      b.child.stdin.write(`${at}\n`);
      await Promise.all([a.waitFor(`done ${at}`), b.waitFor(`done ${at}`)]);
    }
    a.child.stdin.end();
    b.child.stdin.end();
    const posts = readFileSync(postsFile, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { at: string; worker: string });
    // Only this test's schedule posts to the file; other guilds' schedules in a shared Redis post elsewhere.
    expect(posts.map((p) => p.at)).toEqual(runs);
  }, 90_000);
});
