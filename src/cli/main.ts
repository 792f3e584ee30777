// The process entry bin/newsdesk loads: settings from .env and the process's own streams.
import "dotenv/config";
import pino from "pino";
import { runCli } from "./run.ts";

// A reader that stops early (`newsdesk check --jsonl < pairs | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  log: pino.destination(2),
});
