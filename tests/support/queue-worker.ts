import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { ROOT } from "./ts-process.ts";

const BIN = fileURLToPath(new URL("../../bin/newsdesk", import.meta.url));

/** One log line a worker process wrote (pino JSON on stderr). */
export interface LogLine {
  msg: string;
  pid: number;
  jobId?: string;
  sha256?: string;
  [field: string]: unknown;
}

export interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Its log lines so far. */
  lines: () => LogLine[];
  /** Resolves once a log line satisfies `match` (or stderr holds the text); rejects on exit or time out. */
  waitFor: (match: string | ((line: LogLine) => boolean), timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
}

/**
 * `bin/newsdesk worker` as a real process (the build when it matches the sources, else the sources through
 * tsx), on the queue and Redis that `env` names, logging at info level so the test can read which jobs
 * and engine runs it did.
 */
export function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [BIN, "worker"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
  });
  let stderr = "";
  const parsed: LogLine[] = [];
  let partial = "";
  const listeners = new Set<() => void>();
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    const chunks = (partial + d).split("\n");
    partial = chunks.pop() ?? "";
    for (const chunk of chunks)
      if (chunk.startsWith("{"))
        try {
          parsed.push(JSON.parse(chunk) as LogLine);
        } catch {
          // not a log line
        }
    for (const listener of listeners) listener();
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const waitFor = (match: string | ((line: LogLine) => boolean), timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const found = () => (typeof match === "string" ? stderr.includes(match) : parsed.some(match));
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off("close", onExit);
      };
      const check = () => {
        if (!found()) return;
        done();
        resolve();
      };
      const onExit = () => {
        done();
        reject(new Error(`worker exited before ${String(match)}: ${stderr.slice(-2000)}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`worker: no ${String(match)} within ${timeoutMs} ms: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      listeners.add(check);
      child.on("close", onExit);
      check();
    });
  return { child, lines: () => parsed, waitFor, exited };
}

/**
 * Queues with names of their own for one test file on the shared Redis, removed again by `cleanUp` (with
 * any worker process still running).
 */
export function queueKit(redisUrl: string) {
  const names: string[] = [];
  const workers: WorkerProcess[] = [];
  return {
    newQueue(): string {
      const name = `newsdesk-test-${randomUUID()}`;
      names.push(name);
      return name;
    },
    env: (name: string, more: Record<string, string> = {}): Record<string, string> => ({
      STORE_URL: redisUrl,
      JOBS: "queue",
      JOBS_QUEUE: name,
      ...more,
    }),
    worker(env: Record<string, string>): WorkerProcess {
      const w = startWorker(env);
      workers.push(w);
      return w;
    },
    async cleanUp(): Promise<void> {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
      for (const name of names) {
        const queue = new Queue(name, { connection: { url: redisUrl } });
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
    },
  };
}

/** Engine runs per digest key (sha256), from the "engine run" lines of workers' logs. */
export function runsByKey(lines: LogLine[]): Map<string, number> {
  const runs = new Map<string, number>();
  for (const line of lines)
    if (line.msg === "engine run" && line.sha256) runs.set(line.sha256, (runs.get(line.sha256) ?? 0) + 1);
  return runs;
}
