import { createHash } from "node:crypto";
import type { Digest } from "../digest/schema.ts";
import type { DigestKey } from "../store/digest-store.ts";

/**
 * Digests run as jobs by `newsdesk worker` processes: the bot side of the queue. One job per article
 * version and engine (the job id is derived from the digest key), so a text asked for twice while its job
 * is queued or running joins that job instead of starting another.
 */
export interface DigestJobs {
  /**
   * The digest of `text`, built by a worker as the job `id`. Rejects with a JobError (one line for the
   * reporter) when the job failed on every attempt or did not finish within the wait limit.
   */
  digest(id: string, text: string): Promise<Digest>;
  close(): Promise<void>;
}

/** What a digest job carries: the article's text (the worker has no other way to read it). */
export interface DigestJobData {
  text: string;
}

/** The name every digest job is added under (a queue holds only digest jobs). */
export const DIGEST_JOB = "digest";

/**
 * The job id of one text read by one engine version: the text's sha256 and a short hash of the engine
 * (BullMQ ids may not contain ':', and keyString has one).
 */
export function digestJobId(key: DigestKey): string {
  const engine = createHash("sha256").update(`${key.engine.name}@${key.engine.version}`).digest("hex");
  return `digest-${key.sha256}-${engine.slice(0, 16)}`;
}

/** The first line of an error's message, cut to a length a reply can carry. */
export function oneLine(message: string, max = 300): string {
  const line = message.split(/\r?\n/, 1)[0]?.trim() || "unknown error";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
