import pino, { type DestinationStream } from "pino";

/**
 * Logs go to stderr so that stdout stays the CLI's output (the JSON-lines contract depends on it).
 * Secrets are redacted by key at any depth, whatever the key's case or separators, in logged objects,
 * in errors (also those nested in objects) and in child-logger bindings.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)) {
  const logger = pino(
    {
      level,
      // Formatters run before serializers, so errors are serialized (and redacted) here, once.
      formatters: {
        log: (object) => redactSecrets(object) as Record<string, unknown>,
        bindings: (bindings) => redactSecrets(bindings) as pino.Bindings,
      },
      serializers: { err: (value: unknown) => value },
    },
    destination,
  );
  // pino applies formatters.bindings to the root's bindings only; children inherit this `child`, so
  // the bindings of every descendant are redacted too.
  const child = logger.child;
  logger.child = function redactedChild(this: typeof logger, bindings, options) {
    return child.call(this, redactSecrets(bindings) as pino.Bindings, options);
  } as typeof child;
  return logger;
}

export type Logger = ReturnType<typeof createLogger>;

export const REDACTED = "[redacted]";

// Compared lower-cased and without separators: DISCORD_TOKEN, botToken, OPENAI_API_KEY, x-api-key,
// Authorization, proxy-authorization, REDIS_PASSWORD, clientSecret all match.
const SECRET_KEY = /(token|apikey|authorization|password|secret)$/;
// Deep enough for req.headers.authorization inside an error's cause; a cycle or a huge object stops here.
const MAX_DEPTH = 8;

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

/** A copy of `value` as JSON would print it, with the value of every secret-named key replaced. */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth > MAX_DEPTH) return "[too deep]";
  // Values that print themselves (Date, URL, Buffer) hold no keys of their own to redact.
  if (!(value instanceof Error) && typeof (value as { toJSON?: unknown }).toJSON === "function") return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
    // An error keeps its type, message (with causes) and stack, and any fields a library put on it.
    const source: object = value instanceof Error ? pino.stdSerializers.err(value) : value;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(source))
      copy[key] = isSecretKey(key) ? REDACTED : redactSecrets(field, depth + 1, seen);
    return copy;
  } finally {
    seen.delete(value);
  }
}
