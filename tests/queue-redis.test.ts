import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { queueArticle } from "../scripts/queue-articles.ts";
import { openJobWorker, openServices } from "../src/app.ts";
import { type Answerer, offlineAnswerer } from "../src/ask/answerer.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { BadInputError, JobError } from "../src/errors.ts";
import { readPage } from "../src/intake/read-link.ts";
import type { Intake } from "../src/intake/types.ts";
import { createWebIntake } from "../src/intake/web-intake.ts";
import { createLogger } from "../src/log.ts";
import { normalizeLayout, sha256 } from "../src/nlp/text.ts";
import { BullJobs } from "../src/queue/bull-jobs.ts";
import { startJobWorker } from "../src/queue/job-worker.ts";
import { QueuedAnswerer } from "../src/queue/queued-answerer.ts";
import { QueuedDigestEngine } from "../src/queue/queued-engine.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { CountingEngine } from "./support/counting-engine.ts";
import { completion, FakeOpenAI } from "./support/fake-openai.ts";
import { sampleText } from "./support/paths.ts";
import { queueKit } from "./support/queue-worker.ts";
import { StorySite, storyPage } from "./support/story-site.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn("queue-redis: REDIS_URL is not set, so the job queue tests are SKIPPED");
const silent = createLogger("silent");

describe("JOBS setting", () => {
  it("is inline by default, and queue needs a Redis store (config refuses otherwise, saying so)", () => {
    expect(loadConfig({}).JOBS).toBe("inline");
    expect(() => loadConfig({ JOBS: "queue", STORE_URL: "memory" })).toThrow(ConfigError);
    expect(() => loadConfig({ JOBS: "queue" })).toThrow(
      "invalid setting JOBS: queue needs STORE_URL=redis://HOST:PORT",
    );
    expect(loadConfig({ JOBS: "queue", STORE_URL: "redis://127.0.0.1:6379" }).JOBS).toBe("queue");
  });
});

// The queue's bot side and a worker in this process, with an engine that fails or refuses on purpose.
describe.skipIf(!REDIS_URL)("digest jobs on a BullMQ queue", () => {
  const kit = queueKit(REDIS_URL ?? "");
  afterAll(() => kit.cleanUp());

  // Worker and bot in this process: the engine fails (or refuses) on purpose, counting its runs; the
  // worker's answerer stands in for the model's, counting its questions.
  const inProcess = async (engine: CountingEngine, answerer: Answerer = offlineAnswerer) => {
    const name = kit.newQueue();
    const settings = { url: REDIS_URL ?? "", name, waitSeconds: 30, attempts: 3, backoffMs: 20 };
    const built = new DigestService({ engine, store: undefined, log: silent, timeoutMs: 1000 });
    const running = await startJobWorker(
      { ...settings, concurrency: 1, lockMs: 5000, stalledIntervalMs: 5000 },
      {
        digest: async ({ text }) => (await built.digest(text)).digest,
        ask: ({ digest, question }) => answerer.ask(digest, question),
        check: ({ article, claim, digest }) => answerer.check(article, claim, digest),
        read: async () => {
          throw new Error("no downloads in this test");
        },
      },
      silent,
    );
    const jobs = await BullJobs.open({ ...settings, openTimeoutMs: 5000 }, silent);
    const digests = new DigestService({
      engine: new QueuedDigestEngine(engine.info, jobs),
      store: undefined,
      log: silent,
      timeoutMs: 1000,
    });
    return {
      digests,
      answerer: new QueuedAnswerer(answerer, jobs),
      close: async () => void (await Promise.all([jobs.close(), running.close()])),
    };
  };

  it("a job that fails on every attempt reaches the caller as one line after its retries, and runs again when asked again", async () => {
    const engine = new CountingEngine();
    engine.failNext = 1_000;
    const { digests, close } = await inProcess(engine);
    try {
      const text = queueArticle(randomUUID().slice(0, 8), 1);
      const error = await digests.digest(text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JobError);
      expect((error as JobError).message).toBe("The article could not be read: engine exploded");
      expect(engine.runs).toBe(3);
      // Asked again, the failed job runs again (three more attempts), and can now succeed.
      engine.failNext = 1;
      const { digest } = await digests.digest(text);
      expect(digest.inputSha256).toBe(sha256(normalizeLayout(text)));
      expect(engine.runs).toBe(5);
    } finally {
      await close();
    }
  }, 30_000);

  it("bad input fails at once, without retries; with no worker the reporter is told after the wait limit", async () => {
    const engine = new CountingEngine();
    const refusing = Object.assign(engine, {
      digest: async () => {
        engine.runs++;
        throw new BadInputError("the article is empty");
      },
    });
    const { digests, close } = await inProcess(refusing);
    try {
      await expect(digests.digest("x")).rejects.toThrow(
        "The article could not be read: the article is empty",
      );
      expect(engine.runs).toBe(1);
    } finally {
      await close();
    }
    const name = kit.newQueue();
    const jobs = await BullJobs.open(
      { url: REDIS_URL ?? "", name, waitSeconds: 1, attempts: 3, backoffMs: 20, openTimeoutMs: 5000 },
      silent,
    );
    try {
      const lonely = new QueuedDigestEngine(engine.info, jobs);
      await expect(lonely.digest(queueArticle("nobody", 0))).rejects.toThrow(
        "No worker took this article within 1 s; is `newsdesk worker` running?",
      );
    } finally {
      await jobs.close();
    }
  }, 30_000);

  it("the model's answers run as jobs too: one job per digest and question, a failure in one line", async () => {
    const asked: string[] = [];
    const model: Answerer = {
      kind: "model",
      checkNeedsDigest: true,
      ask: async (digest, question) => {
        asked.push(question);
        if (question.includes("budget")) throw new Error("the model refused\nwith a second line");
        return offlineAnswerer.ask(digest, question);
      },
      check: (article, claim, digest) => offlineAnswerer.check(article, claim, digest),
    };
    const { digests, answerer, close } = await inProcess(new CountingEngine(), model);
    try {
      const text = queueArticle(randomUUID().slice(0, 8), 4);
      const { digest } = await digests.digest(text);
      const question = "How many people were hurt?";
      const [first, second] = await Promise.all([
        answerer.ask(digest, question),
        answerer.ask(digest, question),
      ]);
      expect(first).toEqual(await offlineAnswerer.ask(digest, question));
      expect(second).toEqual(first);
      expect(asked).toEqual([question]);
      expect(await answerer.check(text, "Officers closed streets", digest)).toEqual(
        await offlineAnswerer.check(text, "Officers closed streets", digest),
      );
      await expect(answerer.ask(digest, "What about the budget?")).rejects.toThrow(
        /^The question could not be answered: the model refused$/,
      );
      expect(asked.filter((q) => q.includes("budget"))).toHaveLength(3);
    } finally {
      await close();
    }
  }, 30_000);

  it("wired by app with a model configured: /ask and link downloads go to the queue, the worker does them", async () => {
    const fake = new FakeOpenAI();
    await fake.start();
    const site = await new StorySite().start();
    site.set("/story", storyPage("story-v1"));
    const config = loadConfig({
      ...kit.env(kit.newQueue()),
      OPENAI_BASE_URL: fake.url,
      OPENAI_MAX_RETRIES: "0",
      FETCH_ALLOW_HOSTS: site.allowHost,
    });
    const bot = await openServices(config, silent, { cache: true, offThread: true });
    // The worker's downloads, counted: the bot's reads must be made there.
    const web = createWebIntake(config);
    const fetched: string[] = [];
    const workerIntake: Intake = {
      fetch: (url, conditional) => {
        fetched.push(url);
        return web.fetch(url, conditional);
      },
      readArticle: (resource) => web.readArticle(resource),
      readFeed: (resource) => web.readFeed(resource),
      close: async () => await web.close?.(),
    };
    const workerSide = await openServices(config, silent, {
      cache: true,
      offThread: true,
      runsJobs: true,
      intake: workerIntake,
    });
    const worker = await openJobWorker(config, workerSide, silent);
    try {
      expect(bot.answerer).toBeInstanceOf(QueuedAnswerer);
      expect(workerSide.answerer.kind).toBe("model");
      expect(workerSide.answerer).not.toBeInstanceOf(QueuedAnswerer);
      fake.respond({
        body: completion(
          JSON.stringify({
            answer: "ISIS claimed it, via Amaq, as relayed by SITE.",
            status: "unconfirmed",
            citations: [{ paragraph: 8, quote: "ISIS has claimed responsibility for the attack" }],
          }),
        ),
      });
      const result = await bot.answerer.ask(digestArticle(sampleText()), "Who claimed the attack?");
      expect(result).toMatchObject({ status: "unconfirmed", paragraphs: [8] });
      expect(fake.requests).toHaveLength(1);

      const page = await readPage(bot.intake, site.url("/story"), "/follow add");
      expect(page.title).toMatch(/Van driver kills two in Harbor City square/);
      expect(fetched).toEqual([site.url("/story")]);
      // A refusal reads as it does without the queue.
      const inline = await readPage(web, "http://10.1.2.3/story", "/follow add").catch(
        (e: Error) => e.message,
      );
      expect(inline).toMatch(/private or local network address/);
      await expect(readPage(bot.intake, "http://10.1.2.3/story", "/follow add")).rejects.toThrow(inline);
    } finally {
      await worker.close();
      await Promise.all([bot.close(), workerSide.close(), fake.stop(), site.stop()]);
    }
  }, 30_000);
});
