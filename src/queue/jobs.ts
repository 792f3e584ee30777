import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { type Answer, AnswerSchema } from "../ask/ask.ts";
import { type ClaimCheck, ClaimCheckSchema, type Digest, DigestSchema } from "../digest/schema.ts";
import { type LinkContent, LinkContentSchema } from "../intake/types.ts";
import type { DigestKey } from "../store/digest-store.ts";

/**
 * The work `newsdesk worker` processes do for the bots, by kind: a new digest, the model's answer to a
 * question or check of a claim, and a link downloaded and read. What each job carries and what it returns travel as JSON through Redis.
 */
export interface JobKinds {
  digest: { data: { text: string }; result: Digest };
  ask: { data: { digest: Digest; question: string }; result: Answer };
  check: { data: { article: string; claim: string; digest?: Digest }; result: ClaimCheck };
  read: { data: { url: string }; result: LinkContent };
}
export type JobKind = keyof JobKinds;
export type JobData<K extends JobKind = JobKind> = JobKinds[K]["data"];
export type JobResult<K extends JobKind = JobKind> = JobKinds[K]["result"];

/** The bot side of the queue: a job of a kind, one per id, run by a worker. */
export interface Jobs {
  /**
   * The result of the job `id`, run by a worker. A job already waiting or running under the id is joined,
   * not started again. Rejects with a JobError (one line for the reporter) when the job failed on every
   * attempt or did not finish within the wait limit.
   */
  run<K extends JobKind>(kind: K, id: string, data: JobData<K>): Promise<JobResult<K>>;
  close(): Promise<void>;
}

/** Each kind's result, checked when it arrives: nothing a worker returns is served unchecked. */
export const RESULT_SCHEMAS: { [K in JobKind]: z.ZodType<JobResult<K>> } = {
  digest: DigestSchema,
  ask: AnswerSchema,
  check: ClaimCheckSchema,
  read: LinkContentSchema,
};

/**
 * How the reporter is told about a job of each kind that failed, and what a job of it is about. A link's
 * refusal (a private address, not an article, too big) is shown in its own words, as without the queue.
 */
export const JOB_WORDS: { [K in JobKind]: { failed: string; subject: string; refusalAsIs?: true } } = {
  digest: { failed: "The article could not be read", subject: "this article" },
  ask: { failed: "The question could not be answered", subject: "this question" },
  check: { failed: "The claim could not be checked", subject: "this claim" },
  read: { failed: "The link could not be read", subject: "this link", refusalAsIs: true },
};

/** Marks a failure reason that is a refusal written for the reporter (a UserError on the worker). */
export const REFUSED = "refused: ";

const hex = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The job id of one text read by one engine version: the text's sha256 and a short hash of the engine
 * (BullMQ ids may not contain ':', and keyString has one).
 */
export function digestJobId(key: DigestKey): string {
  return `digest-${key.sha256}-${hex(`${key.engine.name}@${key.engine.version}`).slice(0, 16)}`;
}

/** One digest (text and engine version) and one question or claim: the same question asked twice is one job. */
export const answerJobId = (kind: "ask" | "check", digestOrText: Digest | string, words: string): string => {
  const subject =
    typeof digestOrText === "string"
      ? `text:${hex(digestOrText)}`
      : `${digestOrText.inputSha256}:${digestOrText.engine.name}@${digestOrText.engine.version}`;
  return `${kind}-${hex(`${subject}\n${words}`)}`;
};

/**
 * A download is its own job every time it is asked for (a live page changes between two requests): no
 * two reads share a job, as without the queue.
 */
export const readJobId = (): string => `read-${randomUUID()}`;

/** The first line of an error's message, cut to a length a reply can carry. */
export function oneLine(message: string, max = 300): string {
  const line = message.split(/\r?\n/, 1)[0]?.trim() || "unknown error";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
