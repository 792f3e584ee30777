import type { DestinationStream } from "pino";
import type { Services } from "../app.ts";
import type { Config } from "../config.ts";
import { UserError } from "../errors.ts";
import type { Logger } from "../log.ts";

/** What every CLI command gets: parsed flags, settings, and services opened once at start-up. */
export interface CliContext {
  args: string[];
  flags: CliFlags;
  config: Config;
  log: Logger;
  services: () => Promise<Services>;
  io: CliIo;
}

/** Where a run reads and writes: the process's own streams, or in-memory streams when tests run it in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Where the log lines go; the process writes them straight to file descriptor 2. */
  log: DestinationStream;
}

export interface CliFlags {
  json: boolean;
  jsonl: boolean;
  noCache: boolean;
  claim?: string;
  title?: string;
  from?: string;
  to?: string;
  guild: string;
  url?: string;
  channel?: string;
  every?: string;
  engine?: "offline" | "openai" | "auto";
}

/** How the command line follows a feed: said when a feed is given where an article was expected. */
export const CLI_FOLLOW = "`newsdesk follow add URL`";

export class UsageError extends UserError {
  override name = "UsageError";
}

export function needArg(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}
