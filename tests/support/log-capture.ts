import { Writable } from "node:stream";
import { createLogger } from "../../src/log.ts";

/** A real pino logger whose lines the test can read back. */
export function capturingLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger("debug", stream);
  return { log, lines, messages: () => lines.map((l) => l.msg) };
}
