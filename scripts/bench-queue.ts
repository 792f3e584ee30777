/**
 * The job queue under load (issue 12): cache-hit reply latency through the bot's path (the digest
 * service's peek, the lookup a reply for a cached article makes, here from a bot with nothing in memory,
 * so from Redis) while two `newsdesk worker` processes chew through a batch of new articles, against the
 * same when the queue is idle; and how many articles a minute two workers extract. Needs Redis
 * (REDIS_URL, or a redis STORE_URL); runs on a queue of its own, and removes it and its digests after.
 * Runs alone too: `npx tsx scripts/bench-queue.ts`.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { openServices, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { forgetDigests, longQueueArticle, queueArticle } from "./queue-articles.ts";

const BIN = fileURLToPath(new URL("../bin/newsdesk", import.meta.url));
const CACHED = 200;
const BUSY_JOBS = 400;
const BUSY_BYTES = 4500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A `newsdesk worker` process (the build when fresh) at a niceness; resolves once it says it is ready. */
function startWorker(env: Record<string, string>, niceness: number) {
  const child = spawn("nice", ["-n", String(niceness), process.execPath, BIN, "worker"], {
    env: { ...process.env, ...env },
  });
  child.stdout.resume();
  let stderr = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (stderr.includes("worker ready")) resolve();
    });
    child.on("close", () => reject(new Error(`bench: a worker exited: ${stderr.slice(-500)}`)));
  });
  return { child, ready };
}

/** Times a cached reply's digest lookup (the bot's `peek`) for each text, one after another. */
async function replyTimes(services: Services, texts: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    if (!(await services.digests.peek(text))) throw new Error("bench: an article was not cached");
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return times;
}

interface QueueRun {
  idle: number[];
  busy: number[];
  /** Whether jobs were still waiting or running when the last busy reply was timed. */
  stillBusy: boolean;
  smallPerMinute: number;
  longPerMinute: number;
}

async function measure(storeUrl: string, niceness: number): Promise<QueueRun> {
  const name = `newsdesk-bench-${randomUUID()}`;
  const env = { STORE_URL: storeUrl, JOBS: "queue", JOBS_QUEUE: name, LOG_LEVEL: "warn" };
  const workers = [startWorker(env, niceness), startWorker(env, niceness)];
  const log = createLogger("silent");
  const bot = await openServices(loadConfig(env), log, { cache: true, offThread: true });
  // A second bot process's view: nothing of these articles in its memory, so every lookup reads Redis.
  const reader = await openServices(loadConfig(env), log, { cache: true, offThread: true });
  const queue = new Queue(name, { connection: { url: storeUrl } });
  const made: string[] = [];
  try {
    await Promise.all(workers.map((w) => w.ready));
    const tag = randomUUID().slice(0, 8);
    const cached = Array.from({ length: CACHED }, (_, i) => queueArticle(tag, i));
    const batch = Array.from({ length: BUSY_JOBS }, (_, i) => longQueueArticle(`${tag}-${i}`, BUSY_BYTES));
    made.push(...cached, ...batch);
    // The articles whose replies are timed, extracted by the two workers (timed too).
    let started = performance.now();
    await Promise.all(cached.map((text) => bot.digests.digest(text)));
    const smallPerMinute = (CACHED / (performance.now() - started)) * 60_000;
    const half = CACHED / 2;
    const idle = await replyTimes(reader, cached.slice(0, half));
    // The busy queue: a batch of new, longer articles, while the other half's replies are timed.
    started = performance.now();
    const busyBatch = Promise.all(batch.map((text) => bot.digests.digest(text)));
    while ((await queue.getActiveCount()) === 0) await new Promise((r) => setTimeout(r, 20));
    const busy = await replyTimes(reader, cached.slice(half));
    const left = await queue.getJobCounts("waiting", "active");
    const stillBusy = (left.waiting ?? 0) + (left.active ?? 0) > 0;
    await busyBatch;
    const longPerMinute = (BUSY_JOBS / (performance.now() - started)) * 60_000;
    return { idle, busy, stillBusy, smallPerMinute, longPerMinute };
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.allSettled([bot.close(), reader.close()]);
    await forgetDigests(storeUrl, made, bot.digests.engineInfo);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/**
 * Two runs: the workers at niceness 15, as they should run on the bot's own machine (the gated line), and
 * at the bot's own priority, sharing its cores as equals.
 */
export async function benchQueue(): Promise<string> {
  const storeUrl = process.env.REDIS_URL ?? process.env.STORE_URL ?? "";
  if (!/^rediss?:\/\//.test(storeUrl))
    return "queue: skipped (set REDIS_URL to a Redis server to measure the job queue)";
  const niced = await measure(storeUrl, 15);
  const equal = await measure(storeUrl, 0);
  const latency = (run: QueueRun, workers: string) => {
    const [i, b] = [median(run.idle), median(run.busy)];
    const drained = run.stillBusy ? "" : ", drained before the last reply";
    return `cache-hit reply latency median ${i.toFixed(2)} ms idle, ${b.toFixed(2)} ms with a busy queue (${BUSY_JOBS} jobs, ${workers}${drained}), ratio ${(b / i).toFixed(2)}`;
  };
  const kB = (bytes: number) => (bytes / 1000).toFixed(1);
  const rates = (run: QueueRun) =>
    `${Math.round(run.smallPerMinute)} articles/min of ${kB(queueArticle("x", 0).length)} kB (${CACHED} at once), ${Math.round(run.longPerMinute)} articles/min of ${kB(BUSY_BYTES)} kB (${BUSY_JOBS} at once)`;
  return [
    `queue: ${latency(niced, "2 workers at nice 15")}`,
    `queue (workers not niced, sharing the bot's ${availableParallelism()} cores): ${latency(equal, "2 workers")}`,
    `queue: two workers extract ${rates(niced)}; not niced ${rates(equal)}`,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await benchQueue());
