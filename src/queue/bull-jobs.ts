import { Job, Queue, QueueEvents } from "bullmq";
import { JobError } from "../errors.ts";
import type { Logger } from "../log.ts";
import { withTimeout } from "../store/timeout.ts";
import {
  JOB_WORDS,
  type JobData,
  type JobKind,
  type JobResult,
  type Jobs,
  oneLine,
  REFUSED,
  RESULT_SCHEMAS,
} from "./jobs.ts";

/** The settings the bot side of the queue reads (app passes them from the config). */
export interface JobQueueSettings {
  /** redis://HOST:PORT, the store's own server. */
  url: string;
  /** The queue's name: bots and workers that share it share the jobs. */
  name: string;
  /** How long a reply waits for its job before the reporter is told (seconds). */
  waitSeconds: number;
  /** Runs of a job before it counts as failed, and the first pause between them (doubled each time). */
  attempts: number;
  backoffMs: number;
  /** How long opening the queue may take (ms). */
  openTimeoutMs: number;
}

// Finished jobs are kept a little (a reply that joins a job as it completes still finds its result),
// then removed so Redis does not grow; failed ones a day, for the operator to look at.
const KEEP_COMPLETED = { age: 300, count: 500 };
const KEEP_FAILED = { age: 24 * 3600, count: 1000 };
// Each completed event carries its result (a digest): the events stream is kept short.
const EVENTS_MAX_LEN = 1000;

interface Waiter {
  kind: JobKind;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

function failedJob(kind: JobKind, reason: string): JobError {
  const refusal = reason.startsWith(REFUSED) ? reason.slice(REFUSED.length) : undefined;
  if (refusal !== undefined && JOB_WORDS[kind].refusalAsIs) return new JobError(oneLine(refusal));
  return new JobError(`${JOB_WORDS[kind].failed}: ${oneLine(refusal ?? reason)}`);
}

/**
 * Jobs on a BullMQ queue. Every job is awaited through one QueueEvents subscription: waiters are
 * kept per job id and settled by its completed or failed event, or by the job's state when it had already
 * finished (a job added under an id that exists is that job). A job that failed for good is run again
 * when asked for again, since the reporter is asking again.
 */
export class BullJobs implements Jobs {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private closed = false;

  private constructor(
    private readonly queue: Queue<JobData, unknown>,
    private readonly events: QueueEvents,
    private readonly settings: JobQueueSettings,
    private readonly log: Logger,
  ) {
    events.on("completed", ({ jobId, returnvalue }) => this.completed(jobId, returnvalue));
    events.on("failed", ({ jobId, failedReason }) => this.failed(jobId, failedReason));
  }

  static async open(settings: JobQueueSettings, log: Logger): Promise<BullJobs> {
    const connection = { url: settings.url };
    const queue = new Queue<JobData, unknown>(settings.name, {
      connection,
      defaultJobOptions: {
        attempts: settings.attempts,
        backoff: { type: "exponential", delay: settings.backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
      streams: { events: { maxLen: EVENTS_MAX_LEN } },
    });
    const events = new QueueEvents(settings.name, { connection });
    const onError = (err: Error) => log.warn({ err, queue: settings.name }, "job queue connection error");
    queue.on("error", onError);
    events.on("error", onError);
    try {
      await withTimeout(
        Promise.all([queue.waitUntilReady(), events.waitUntilReady()]),
        settings.openTimeoutMs,
        "opening the job queue",
      );
    } catch (error) {
      await Promise.allSettled([events.close(), queue.close()]);
      throw error;
    }
    return new BullJobs(queue, events, settings, log);
  }

  run<K extends JobKind>(kind: K, id: string, data: JobData<K>): Promise<JobResult<K>> {
    if (this.closed) return Promise.reject(new Error("the job queue is closed"));
    return new Promise<JobResult<K>>((resolve, reject) => {
      const timer = setTimeout(() => void this.timedOut(id, waiter), this.settings.waitSeconds * 1000);
      const waiter: Waiter = {
        kind,
        // Checked against the kind's schema before it gets here (see completed).
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as JobResult<K>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const set = this.waiters.get(id) ?? new Set<Waiter>();
      set.add(waiter);
      this.waiters.set(id, set);
      this.submit(kind, id, data).catch((error: unknown) => {
        this.drop(id, waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [id, set] of this.waiters)
      for (const waiter of set) {
        this.drop(id, waiter);
        waiter.reject(new Error("the job queue was closed"));
      }
    await Promise.allSettled([this.events.close(), this.queue.close()]);
  }

  // The events are listened to before the job is added, so its end cannot be missed; a job that already
  // existed may have ended before, which its state says.
  private async submit(kind: JobKind, id: string, data: JobData): Promise<void> {
    await this.queue.add(kind, data, { jobId: id });
    const state = await this.queue.getJobState(id);
    if (state === "completed") {
      const job = await Job.fromId<JobData, unknown>(this.queue, id);
      if (job?.returnvalue) this.completed(id, job.returnvalue);
      // Removed in between: it completed and was cleared; a new job (a digest finds the store) it is.
      else await this.queue.add(kind, data, { jobId: id });
    } else if (state === "failed") {
      this.log.info({ jobId: id }, "job failed before; running it again");
      const job = await Job.fromId<JobData, unknown>(this.queue, id);
      // Another process may have retried it first: then it is no longer in the failed set, which is fine.
      await job
        ?.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true })
        .catch(() => undefined);
    } else if (state === "unknown") await this.queue.add(kind, data, { jobId: id });
  }

  // Waiters on one id all asked for one kind: the id is derived from the kind and the data.
  private completed(id: string, value: unknown): void {
    const set = this.waiters.get(id);
    if (!set) return;
    this.waiters.delete(id);
    for (const waiter of set) {
      const parsed = RESULT_SCHEMAS[waiter.kind].safeParse(value);
      if (parsed.success) waiter.resolve(parsed.data);
      else waiter.reject(failedJob(waiter.kind, "the worker returned no valid result"));
    }
  }

  private failed(id: string, reason: string): void {
    const set = this.waiters.get(id);
    if (!set) return;
    this.waiters.delete(id);
    for (const waiter of set) waiter.reject(failedJob(waiter.kind, reason));
  }

  private drop(id: string, waiter: Waiter): void {
    const set = this.waiters.get(id);
    set?.delete(waiter);
    if (set?.size === 0) this.waiters.delete(id);
  }

  private async timedOut(id: string, waiter: Waiter): Promise<void> {
    this.drop(id, waiter);
    const seconds = this.settings.waitSeconds;
    const state = await this.queue.getJobState(id).catch(() => "unknown");
    this.log.warn(
      { jobId: id, state, waitSeconds: seconds },
      "digest job not finished within the wait limit",
    );
    waiter.reject(
      state === "waiting" || state === "prioritized" || state === "unknown"
        ? new JobError(`No worker took this article within ${seconds} s; is \`newsdesk worker\` running?`)
        : new JobError(
            `The article could not be read within ${seconds} s: the workers are busy or retrying; try again shortly.`,
          ),
    );
  }
}
