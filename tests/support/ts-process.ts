import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface TsProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout so far. */
  out: () => string;
  /** Resolves once stdout holds `text`; rejects when the process exits first or the time is up. */
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
  /** Resolves with the exit code and stderr. */
  exited: Promise<{ code: number | null; stderr: string }>;
}

/**
 * Starts a TypeScript file as a separate node process with tsx's loader (a second bot process, a script):
 * one process, where `npx tsx` starts three (npx, the tsx CLI, node), each paying node's start-up.
 */
export function startTs(file: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): TsProcess {
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], { cwd: ROOT, env });
  let out = "";
  let stderr = "";
  let closed = false;
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => {
      closed = true;
      resolve({ code, stderr });
    }),
  );
  const waitFor = (text: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!out.includes(text)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${file}: no '${text}' on stdout within ${timeoutMs} ms: ${stderr}`));
      }, timeoutMs);
      const exit = () => {
        done();
        reject(new Error(`${file} exited before writing '${text}': ${stderr}`));
      };
      const done = () => {
        clearTimeout(timer);
        child.stdout.off("data", check);
        child.off("close", exit);
      };
      child.stdout.on("data", check);
      child.on("close", exit);
      check();
      if (closed && !out.includes(text)) exit();
    });
  return { child, out: () => out, waitFor, exited };
}
