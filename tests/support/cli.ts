import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/newsdesk", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/newsdesk as a separate process, as a user or another bot process would. */
export function cli(args: string[], input = "", env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      BIN,
      args,
      { env: { ...process.env, DISCORD_TOKEN: "", STORE_URL: "memory", ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** The pino lines a process logged on stderr. */
export function logLines(stderr: string): { msg: string; [k: string]: unknown }[] {
  return stderr
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}

export const engineRuns = (stderr: string) => logLines(stderr).filter((l) => l.msg === "engine run").length;
