import { UnrecoverableError, Worker } from "bullmq";
import type { Digest } from "../digest/schema.ts";
import { UserError } from "../errors.ts";
import type { Logger } from "../log.ts";
import { DIGEST_JOB, type DigestJobData, oneLine } from "./digest-jobs.ts";

/** The settings a worker process reads (app passes them from the config). */
export interface DigestWorkerSettings {
  url: string;
  name: string;
  /** Jobs one process runs at a time (the offline engine is CPU-bound: 1 per process). */
  concurrency: number;
  /**
   * A running job's lock, renewed while it runs; a worker that dies stops renewing it, and after
   * `lockMs` the next stalled check (every `stalledIntervalMs`) gives the job to another worker.
   */
  lockMs: number;
  stalledIntervalMs: number;
}

/** Builds a digest the way the worker process is wired to: its digest service, with the shared store. */
export type BuildDigest = (text: string) => Promise<{ digest: Digest; cached: boolean }>;

export interface RunningWorker {
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

/**
 * Runs the queue's digest jobs with `build`. A job whose article is bad input (a UserError) fails at once,
 * since another attempt reads the same text; any other error is retried with the queue's backoff. The
 * failure reason the reporter sees is one line; the error itself goes to this process's log.
 */
export async function startDigestWorker(
  settings: DigestWorkerSettings,
  build: BuildDigest,
  log: Logger,
): Promise<RunningWorker> {
  const worker = new Worker<DigestJobData, Digest>(
    settings.name,
    async (job) => {
      const context = { jobId: job.id, attempt: job.attemptsMade + 1, of: job.opts.attempts ?? 1 };
      if (job.name !== DIGEST_JOB) throw new UnrecoverableError(`unknown job kind '${job.name}'`);
      log.info(context, "job started");
      const started = performance.now();
      try {
        const { digest, cached } = await build(job.data.text);
        log.info({ ...context, cached, ms: Math.round(performance.now() - started) }, "job done");
        return digest;
      } catch (error) {
        const message = oneLine(error instanceof Error ? error.message : String(error));
        if (error instanceof UserError) {
          log.info({ ...context, reason: message }, "job refused: bad input");
          throw new UnrecoverableError(message);
        }
        log.warn({ ...context, err: error }, "job failed");
        throw new Error(message);
      }
    },
    {
      connection: { url: settings.url },
      concurrency: settings.concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: settings.stalledIntervalMs,
      // A job whose worker died twice is more likely the cause than the victim: it fails then.
      maxStalledCount: 2,
      autorun: false,
    },
  );
  worker.on("error", (err) => log.warn({ err, queue: settings.name }, "job worker connection error"));
  worker.on("stalled", (jobId) => log.warn({ jobId }, "job stalled: its worker stopped; it runs again"));
  worker.run().catch((err: unknown) => log.error({ err, queue: settings.name }, "job worker stopped"));
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
