import { createInterface } from "node:readline";
import { UserError } from "../errors.ts";
import type { CliIo } from "./context.ts";

export interface JsonlOutcome {
  processed: number;
  failed: number;
}

/**
 * Streams JSON lines from stdin through `handle`, one output line each. A bad line is reported on stderr
 * with its number and skipped; the others go on.
 */
export async function runJsonl(
  io: CliIo,
  handle: (row: Record<string, unknown>, line: number) => Promise<Record<string, unknown>>,
): Promise<JsonlOutcome> {
  const outcome: JsonlOutcome = { processed: 0, failed: 0 };
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length > 0) io.stdout.write(`${out.join("\n")}\n`);
    out.length = 0;
  };
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      outcome.failed++;
      io.stderr.write(`newsdesk: line ${lineNumber}: not valid JSON, skipped\n`);
      continue;
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      outcome.failed++;
      io.stderr.write(`newsdesk: line ${lineNumber}: expected a JSON object, skipped\n`);
      continue;
    }
    try {
      out.push(JSON.stringify(await handle(row as Record<string, unknown>, lineNumber)));
      outcome.processed++;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      outcome.failed++;
      const id = (row as { id?: unknown }).id;
      io.stderr.write(
        `newsdesk: line ${lineNumber}${id !== undefined ? ` (id ${String(id)})` : ""}: ${error.message}, skipped\n`,
      );
    }
    if (out.length >= 64) flush();
  }
  flush();
  return outcome;
}

export function requireString(row: Record<string, unknown>, field: string): string {
  const value = row[field];
  if (typeof value !== "string") throw new UserError(`field "${field}" must be a string`);
  return value;
}
