import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetDigests, queueArticle } from "../scripts/queue-articles.ts";
import { openJobWorker, openServices, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { OFFLINE_ENGINE } from "../src/engine/offline.ts";
import { createLogger } from "../src/log.ts";
import { queueKit } from "./support/queue-worker.ts";
import { addByAttachment, embedText, replyTo, slash, startTwin, type TwinHarness } from "./support/twin.ts";

// The bot in a Discord channel (the local fake Discord) with JOBS=queue, and a worker in this process.
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("discord-queue-e2e: REDIS_URL is not set, so the bot-with-a-queue test is SKIPPED");

describe.skipIf(!REDIS_URL)("the bot with digests on the job queue (local fake Discord)", () => {
  const kit = queueKit(REDIS_URL ?? "");
  const env = kit.env(kit.newQueue(), { JOBS_WAIT_SECONDS: "3" });
  const tag = randomUUID().slice(0, 8);
  const texts = [queueArticle(tag, 0), queueArticle(tag, 1)];
  let t: TwinHarness;
  let workerSide: Services;
  let worker: { close(): Promise<void> } | undefined;

  beforeAll(async () => {
    t = await startTwin(env);
    const config = loadConfig(env);
    workerSide = await openServices(config, createLogger("silent"), {
      cache: true,
      offThread: true,
      runsJobs: true,
    });
    worker = await openJobWorker(config, workerSide, createLogger("silent"));
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await Promise.allSettled([t?.stop(), workerSide?.close()]);
    await kit.cleanUp();
    await forgetDigests(REDIS_URL ?? "", texts, OFFLINE_ENGINE);
  });

  it("defers a new article, a worker digests it, the reply is edited; the cached article then answers at once", async () => {
    const added = await addByAttachment(t, t.editorId, "fire.txt", texts[0] ?? "", "Town fire");
    const reply = await replyTo(t, added.id, 30_000);
    expect(reply.callbackType).toBe(5);
    expect(reply.embed.title).toMatch(/^Added town-fire/);
    expect(workerSide.digests.engineRuns).toBe(1);
    const use = await slash(t, t.editorId, "article", [
      { name: "use", type: 1, options: [{ name: "article", type: 3, value: "town-fire" }] },
    ]);
    await replyTo(t, use.id);
    const summary = await replyTo(t, (await slash(t, t.reporterId, "summary")).id);
    expect(summary.callbackType).toBe(4);
    expect(embedText(summary.embed)).toContain(`(report ${tag}-0)`);
    expect(workerSide.digests.engineRuns).toBe(1);
  }, 60_000);

  it("with no worker running, the reporter is told in one line after JOBS_WAIT_SECONDS", async () => {
    await worker?.close();
    worker = undefined;
    const added = await addByAttachment(t, t.editorId, "flood.txt", texts[1] ?? "", "Town flood");
    const reply = await replyTo(t, added.id, 30_000);
    expect(reply.embed.title).toBe("Could not answer");
    expect(reply.embed.description).toBe(
      "No worker took this article within 3 s; is `newsdesk worker` running?",
    );
  }, 60_000);
});
