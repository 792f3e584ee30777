import pino, { type DestinationStream } from "pino";

/**
 * Logs go to stderr so that stdout stays the CLI's output (the JSON-lines contract depends on it).
 * Secrets are redacted by key wherever they appear in a context object.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)) {
  return pino(
    {
      level,
      redact: {
        paths: ["token", "apiKey", "*.token", "*.apiKey", "config.DISCORD_TOKEN"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
