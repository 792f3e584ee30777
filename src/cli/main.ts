// The process entry bin/newsdesk loads: settings from .env and the process's own streams.
import "dotenv/config";
import pino from "pino";
import { runCli } from "./run.ts";

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  log: pino.destination(2),
});
