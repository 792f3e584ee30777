import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forgetDigests, longQueueArticle, queueArticle } from "../scripts/queue-articles.ts";
import { openServices, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { OFFLINE_ENGINE } from "../src/engine/offline.ts";
import { createLogger } from "../src/log.ts";
import { normalizeLayout, sha256 } from "../src/nlp/text.ts";
import { queueKit, runsByKey } from "./support/queue-worker.ts";

// `newsdesk worker` processes on a queue of their own in the shared Redis, with bots in this process.
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("queue-workers-redis: REDIS_URL is not set, so the worker process tests are SKIPPED");

describe.skipIf(!REDIS_URL)("newsdesk worker processes on a shared queue", () => {
  const kit = queueKit(REDIS_URL ?? "");
  // The digests the workers stored are removed again with the queues: the Redis is shared.
  const made: string[] = [];
  afterAll(async () => {
    await kit.cleanUp();
    await forgetDigests(REDIS_URL ?? "", made, OFFLINE_ENGINE);
  });
  const bot = (env: Record<string, string>): Promise<Services> =>
    openServices(loadConfig(env), createLogger("silent"), { cache: true, offThread: true });

  it("200 new articles asked for at once by two bots are each extracted exactly once by two workers", async () => {
    const env = kit.env(kit.newQueue());
    const [a, b] = [kit.worker(env), kit.worker(env)];
    const [botA, botB] = await Promise.all([bot(env), bot(env)]);
    try {
      await Promise.all([a.waitFor("worker ready"), b.waitFor("worker ready")]);
      const tag = randomUUID().slice(0, 8);
      const texts = Array.from({ length: 200 }, (_, i) => queueArticle(tag, i));
      made.push(...texts);
      // Each article is asked for by both bots at once: the second request joins the first one's job.
      const results = await Promise.all(
        texts.flatMap((text) => [botA.digests.digest(text), botB.digests.digest(text)]),
      );
      texts.forEach((text, i) => {
        for (const result of [results[2 * i], results[2 * i + 1]]) {
          expect(result?.digest.inputSha256).toBe(sha256(normalizeLayout(text)));
          expect(result?.digest.title).toContain(`(report ${tag}-${i})`);
        }
      });
      // A job's end can reach this process through Redis before its worker's last log lines do.
      const jobsDone = () => [...a.lines(), ...b.lines()].filter((l) => l.msg === "job done").length;
      await Promise.race([a.waitFor(() => jobsDone() === 200), b.waitFor(() => jobsDone() === 200)]);
      const runsA = runsByKey(a.lines());
      const runsB = runsByKey(b.lines());
      const all = new Map<string, number>();
      for (const [key, n] of [...runsA, ...runsB]) all.set(key, (all.get(key) ?? 0) + n);
      expect(all.size).toBe(200);
      expect([...all.values()].filter((n) => n !== 1)).toEqual([]);
      expect(runsA.size).toBeGreaterThan(0);
      expect(runsB.size).toBeGreaterThan(0);
      expect([...a.lines(), ...b.lines()].filter((l) => l.msg === "job started")).toHaveLength(200);
      // The workers wrote the shared store: a third bot finds every digest cached, without a job.
      const botC = await bot(env);
      try {
        for (const text of texts) expect(await botC.digests.peek(text)).toBeDefined();
      } finally {
        await botC.close();
      }
      // SIGTERM stops a worker cleanly.
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
    } finally {
      await Promise.all([botA.close(), botB.close()]);
    }
  }, 120_000);

  it("a worker killed with SIGKILL mid-job does not lose the job: the other worker finishes it", async () => {
    // Short locks, so the dead worker's job is found stalled within a second or two.
    const env = kit.env(kit.newQueue(), { JOBS_LOCK_MS: "1000", JOBS_STALLED_INTERVAL_MS: "500" });
    const workers = [kit.worker(env), kit.worker(env)];
    const services = await bot(env);
    try {
      await Promise.all(workers.map((w) => w.waitFor("worker ready")));
      // About 190 kB: a worker takes a second or more over it, the first time seconds.
      const text = longQueueArticle(randomUUID().slice(0, 8), 190_000);
      made.push(text);
      const request = services.digests.digest(text);
      const started = (w: (typeof workers)[number]) => w.lines().some((l) => l.msg === "job started");
      await Promise.race(workers.map((w) => w.waitFor((l) => l.msg === "job started")));
      const victim = workers.find(started);
      const survivor = workers.find((w) => w !== victim);
      if (!victim || !survivor) throw new Error("no worker started the job");
      victim.child.kill("SIGKILL");
      await victim.exited;
      expect(victim.lines().some((l) => l.msg === "job done")).toBe(false);
      const { digest } = await request;
      expect(digest.inputSha256).toBe(sha256(normalizeLayout(text)));
      await survivor.waitFor((l) => l.msg === "job done");
      const jobId = victim.lines().find((l) => l.msg === "job started")?.jobId;
      expect(survivor.lines().some((l) => l.msg === "job started" && l.jobId === jobId)).toBe(true);
      expect(runsByKey(survivor.lines()).get(digest.inputSha256)).toBe(1);
      survivor.child.kill("SIGTERM");
      expect(await survivor.exited).toBe(0);
    } finally {
      await services.close();
    }
  }, 90_000);
});
