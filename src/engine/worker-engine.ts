import { Worker } from "node:worker_threads";
import type { Digest } from "../digest/schema.ts";
import { COMPILED } from "../util/project-paths.ts";
import type { DigestEngine } from "./engine.ts";
import { OFFLINE_ENGINE } from "./offline.ts";

/** What the parent sends the digest worker, and what comes back (see digest-worker-main.ts). */
export interface DigestRequest {
  id: number;
  article: string;
}
export type DigestReply = { id: number; digest: Digest } | { id: number; error: string; stack?: string };

interface Job {
  id: number;
  article: string;
  resolve: (digest: Digest) => void;
  reject: (error: Error) => void;
}

export interface WorkerEngineOptions {
  /** The worker's entry module: the engine's own by default; tests give one that fails on purpose. */
  entry?: URL;
  /** Told when a worker stops unexpectedly and a new one takes its place. */
  onCrash?: (why: string) => void;
}

// Compiled, the worker runs the engine's JavaScript directly; from the sources it registers tsx first.
const DEFAULT_ENTRY = COMPILED
  ? new URL("./digest-worker-main.js", import.meta.url)
  : new URL("./digest-worker.mjs", import.meta.url);

const describeArticle = (article: string) => `an article of ${Buffer.byteLength(article)} bytes`;

/**
 * The offline engine in a worker thread, so that a long article (a digest is synchronous work) never
 * holds up the bot's other replies. One worker reads the articles one after another, in the order they
 * came; an engine error rejects that digest only, with what was being read; a worker that dies fails
 * the article it was reading and is replaced for the ones still waiting. Same engine, same digests,
 * same cache keys as the in-process OfflineEngine.
 */
export class WorkerOfflineEngine implements DigestEngine {
  readonly info = { ...OFFLINE_ENGINE };
  /** Times a worker stopped while reading an article (the next article gets a new one). */
  crashes = 0;
  private worker: Worker | undefined;
  // In the order sent: the first is the one the worker is reading.
  private readonly pending = new Map<number, Job>();
  private nextId = 1;
  private closed = false;
  private readonly entry: URL;

  constructor(private readonly options: WorkerEngineOptions = {}) {
    this.entry = options.entry ?? DEFAULT_ENTRY;
  }

  digest(article: string): Promise<Digest> {
    if (this.closed) return Promise.reject(new Error("the digest worker is closed"));
    return new Promise<Digest>((resolve, reject) => {
      const job: Job = { id: this.nextId++, article, resolve, reject };
      this.pending.set(job.id, job);
      this.send(job);
    });
  }

  /** Stops the worker; digests still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    for (const job of this.pending.values()) job.reject(new Error("the digest worker was closed"));
    this.pending.clear();
    await worker?.terminate();
  }

  private send(job: Job): void {
    const worker = this.ensureWorker();
    // Busy, the worker keeps the process alive; idle, it does not (see settle).
    worker.ref();
    worker.postMessage({ id: job.id, article: job.article } satisfies DigestRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry);
    worker.on("message", (reply: DigestReply) => this.settle(reply));
    worker.on("error", (error) => this.stopped(worker, `${error.name}: ${error.message}`));
    worker.on("exit", (code) => this.stopped(worker, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private settle(reply: DigestReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if ("digest" in reply) job.resolve(reply.digest);
    else {
      const error = new Error(`offline digest failed on ${describeArticle(job.article)}: ${reply.error}`);
      if (reply.stack) error.stack = `${error.message}\n--- in the digest worker ---\n${reply.stack}`;
      job.reject(error);
    }
    if (this.pending.size === 0) this.worker?.unref();
  }

  private stopped(worker: Worker, why: string): void {
    // "error" is followed by "exit", and close() ends the worker on purpose: act once, and only then.
    if (worker !== this.worker) return;
    this.worker = undefined;
    const [reading, ...waiting] = [...this.pending.values()];
    if (!reading) return;
    this.pending.delete(reading.id);
    this.crashes++;
    this.options.onCrash?.(why);
    reading.reject(
      new Error(`the digest worker stopped (${why}) while reading ${describeArticle(reading.article)}`),
    );
    // A fresh worker takes the articles that were waiting, in their order.
    for (const job of waiting) this.send(job);
  }
}
