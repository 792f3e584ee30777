import { UnrecoverableError, Worker } from "bullmq";
import { UserError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { JobData, JobKind, JobKinds, JobResult } from "./jobs.ts";
import { oneLine, REFUSED } from "./jobs.ts";

/** The settings a worker process reads (app passes them from the config). */
export interface JobWorkerSettings {
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

/**
 * What a worker does for each kind of job, wired by app: a digest through the worker's digest service
 * (the real engine and the shared store), questions and claims through its answerer.
 */
export type JobHandlers = { [K in JobKind]: (data: JobKinds[K]["data"]) => Promise<JobResult<K>> };

export interface RunningWorker {
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

const KINDS: readonly string[] = ["digest", "ask", "check", "read"] satisfies JobKind[];
const isKind = (name: string): name is JobKind => KINDS.includes(name);

/**
 * Runs the queue's jobs with `handlers`. A job refused as bad input (a UserError) fails at once, since
 * another attempt reads the same input; any other error is retried with the queue's backoff. The failure
 * reason the reporter sees is one line; the error itself goes to this process's log.
 */
export async function startJobWorker(
  settings: JobWorkerSettings,
  handlers: JobHandlers,
  log: Logger,
): Promise<RunningWorker> {
  const worker = new Worker<JobData, unknown>(
    settings.name,
    async (job) => {
      const context = {
        jobId: job.id,
        kind: job.name,
        attempt: job.attemptsMade + 1,
        of: job.opts.attempts ?? 1,
      };
      if (!isKind(job.name)) throw new UnrecoverableError(`unknown job kind '${job.name}'`);
      log.info(context, "job started");
      const started = performance.now();
      try {
        const handler = handlers[job.name] as (data: JobData) => Promise<unknown>;
        const result = await handler(job.data);
        log.info({ ...context, ms: Math.round(performance.now() - started) }, "job done");
        return result;
      } catch (error) {
        const message = oneLine(error instanceof Error ? error.message : String(error));
        if (error instanceof UserError) {
          log.info({ ...context, reason: message }, "job refused: bad input");
          throw new UnrecoverableError(`${REFUSED}${message}`);
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
