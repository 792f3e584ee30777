import { execFile } from "node:child_process";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/run.ts";

export const BIN = fileURLToPath(new URL("../../bin/newsdesk", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// What every run starts from: no Discord, a store in memory unless the test names one.
const baseEnv = (env: Record<string, string>) => ({
  ...process.env,
  DISCORD_TOKEN: "",
  STORE_URL: "memory",
  ...env,
});

/** A stream that keeps what is written to it, as text. */
function collector(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Runs the CLI in this process, with `input` as standard input and both outputs captured: the same code
 * bin/newsdesk runs, without a second or so of process and TypeScript start-up per call. The log lines
 * are written to the captured stderr, as the process writes them to its own.
 */
export async function cli(args: string[], input = "", env: Record<string, string> = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, baseEnv(env), {
    stdin: Readable.from(input ? [Buffer.from(input)] : []),
    stdout: stdout.stream,
    stderr: stderr.stream,
    log: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs bin/newsdesk as a separate process, as a user or another bot process would. */
export function cliProcess(args: string[], input = "", env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(BIN, args, { env: baseEnv(env), maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** The pino lines a run logged on stderr. */
export function logLines(stderr: string): { msg: string; [k: string]: unknown }[] {
  return stderr
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}

export const engineRuns = (stderr: string) => logLines(stderr).filter((l) => l.msg === "engine run").length;
