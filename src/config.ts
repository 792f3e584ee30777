import { z } from "zod";
import { projectPath } from "./util/project-paths.ts";

/** A comma-separated list of host:port pairs ("127.0.0.1:8080, [::1]:80"); throws on another shape. */
function hostPortList(setting: string): string[] {
  const entries = setting
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  for (const entry of entries)
    if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:/@[\]]+):\d{1,5}$/.test(entry))
      throw new Error(`"${entry}" is not host:port`);
  return entries;
}

/**
 * The one place that reads the environment. dotenv is loaded only by the entry point.
 * An empty (or blank) value means "unset" for every setting, so `MAX_ARTICLE_BYTES=` in .env falls back
 * to the default as .env.example promises.
 */

// The embedded default: a SQLite file in the project's own data folder, wherever the CLI is run from.
const DEFAULT_SQLITE_FILE = projectPath("data/newsdesk.sqlite");

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const ENGINES = ["auto", "offline", "openai"] as const;
const INTERACTION_MODES = ["gateway", "http"] as const;
const JOBS = ["inline", "queue"] as const;

// Messages say what a valid value looks like; the value itself is never echoed (it may be a secret).
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` }).default(fallback);

const wholeNumber = (fallback: number, min: number, max?: number) => {
  const atLeast = z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` });
  return (max === undefined ? atLeast : atLeast.max(max, { error: `must be at most ${max}` })).default(
    fallback,
  );
};

const decimal = (fallback: number) =>
  z.coerce.number({ error: "must be a number" }).min(0, { error: "must be at least 0" }).default(fallback);

const url = () => z.url({ error: "must be a URL such as https://host/path" });
const numericId = () => z.string().regex(/^\d+$/, { error: "must be a numeric id" });

const ConfigSchema = z.object({
  LOG_LEVEL: oneOf(LOG_LEVELS, "warn"),
  MAX_ARTICLE_BYTES: wholeNumber(200_000, 1),
  DISCORD_TOKEN: z.string().optional(),
  // The bot's application and, for guild-scoped command registration, the guild.
  DISCORD_APPLICATION_ID: numericId().optional(),
  DISCORD_GUILD_ID: numericId().optional(),
  // Discord's REST base; point it at a local fake Discord to run the bot unchanged in tests.
  DISCORD_API_URL: url().default("https://discord.com/api"),
  // How interactions reach the bot: the gateway (a websocket), or Discord POSTing them to
  // WEB_PORT's /interactions (any number of processes behind a load balancer, on one Redis store).
  INTERACTIONS_MODE: oneOf(INTERACTION_MODES, "gateway"),
  // The application's public key (64 hex characters, from the developer portal): checks each request's
  // Ed25519 signature in http mode.
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: "must be the application's public key (64 hex characters)" })
    .optional(),
  // Where digests and the article library live: sqlite://FILE (default), redis://HOST:PORT, or memory.
  STORE_URL: z
    .string()
    .regex(/^(sqlite:\/\/.+|rediss?:\/\/.+|memory)$/, {
      error: "must be sqlite://FILE, redis://HOST:PORT or memory",
    })
    .default(`sqlite://${DEFAULT_SQLITE_FILE}`),
  // Which engine builds digests: auto uses the model when OPENAI_API_KEY or OPENAI_BASE_URL is set.
  ENGINE: oneOf(ENGINES, "auto"),
  OPENAI_API_KEY: z.string().optional(),
  // Any OpenAI-compatible server, e.g. the newsroom's own model server for unpublished material.
  OPENAI_BASE_URL: url().optional(),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: wholeNumber(60_000, 1),
  OPENAI_MAX_RETRIES: wholeNumber(2, 0, 10),
  // Tokens the model may use per calendar month (0: no limit); past it, the offline engine answers.
  OPENAI_MONTHLY_TOKEN_BUDGET: wholeNumber(0, 0),
  // Prices in USD per million tokens, for the cost estimate kept with each digest.
  OPENAI_PRICE_INPUT_PER_MTOK: decimal(0.15),
  OPENAI_PRICE_OUTPUT_PER_MTOK: decimal(0.6),
  // How long one store operation may take before the cache is treated as degraded.
  STORE_TIMEOUT_MS: wholeNumber(1500, 1),
  // host:port pairs the link fetcher may reach even on a private address (tests, an operator's intranet).
  FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      try {
        return hostPortList(value);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `each entry must be host:port (${(error as Error).message})`,
        });
        return z.NEVER;
      }
    }),
  // Limits on fetching a link: the whole request, the body, and redirect hops.
  FETCH_TIMEOUT_MS: wholeNumber(15_000, 1),
  FETCH_MAX_BYTES: wholeNumber(5_000_000, 1),
  FETCH_MAX_REDIRECTS: wholeNumber(5, 0, 20),
  // The read-only web view of article versions: off unless a port is set.
  WEB_PORT: z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(65_535, { error: "must be at most 65535" })
    .optional(),
  // Signs the web view's links (HMAC-SHA256); required with WEB_PORT, at least 32 characters.
  WEB_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  // The base of the links in replies; default http://localhost:WEB_PORT.
  WEB_PUBLIC_URL: url().optional(),
  // How long a link in a reply stays valid.
  WEB_LINK_TTL_HOURS: wholeNumber(72, 1, 24 * 366),
  // Where new digests are built: inline (in this process) or queue (jobs on Redis, run by `newsdesk worker`).
  JOBS: oneOf(JOBS, "inline"),
  // The queue's name: bots and workers sharing it share the jobs.
  JOBS_QUEUE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, { error: "must be letters, digits, '_', '.' or '-'" })
    .default("newsdesk-digests"),
  // How long a reply waits for its job before the reporter is told (seconds).
  JOBS_WAIT_SECONDS: wholeNumber(120, 1, 3600),
  // Runs of a job before it fails, and the first pause between them in ms (doubled each time).
  JOBS_ATTEMPTS: wholeNumber(3, 1, 20),
  JOBS_BACKOFF_MS: wholeNumber(2000, 0),
  // Jobs one worker process runs at once (the offline engine is CPU-bound: 1 per process, 1 per core).
  JOBS_CONCURRENCY: wholeNumber(1, 1, 64),
  // A running job's lock (ms): a worker that dies holds its job this long at most before another takes it.
  JOBS_LOCK_MS: wholeNumber(30_000, 100),
  // How often workers look for jobs whose worker died (ms).
  JOBS_STALLED_INTERVAL_MS: wholeNumber(30_000, 100),
});

/** A store several processes share (leases, counters, jobs and paged views all need it). */
export const isRedisStore = (storeUrl: string): boolean => /^rediss?:\/\//.test(storeUrl);

// Settings that depend on each other, checked once every setting is valid on its own.
const CheckedConfigSchema = ConfigSchema.superRefine((config, ctx) => {
  if (config.WEB_PORT !== undefined && config.WEB_SECRET === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["WEB_SECRET"],
      message: "must be set (at least 32 characters) when WEB_PORT is set",
    });
  if (config.INTERACTIONS_MODE === "http") {
    const needs = (name: keyof typeof config, what: string) => {
      if (config[name] === undefined)
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `must be set when INTERACTIONS_MODE=http (${what})`,
        });
    };
    needs("DISCORD_PUBLIC_KEY", "it checks that requests come from Discord");
    needs("WEB_PORT", "the port Discord's requests arrive on, at POST /interactions");
    needs("DISCORD_TOKEN", "follow-ups and posts go through Discord's REST API");
  }
  if (config.JOBS === "queue" && !isRedisStore(config.STORE_URL))
    ctx.addIssue({
      code: "custom",
      path: ["JOBS"],
      message: "queue needs STORE_URL=redis://HOST:PORT (the jobs and the digests they build live in Redis)",
    });
}).transform((config) => ({
  ...config,
  WEB_PUBLIC_URL:
    config.WEB_PORT === undefined
      ? config.WEB_PUBLIC_URL
      : (config.WEB_PUBLIC_URL ?? `http://localhost:${config.WEB_PORT}`).replace(/\/+$/, ""),
}));

export type Config = z.infer<typeof CheckedConfigSchema>;

/** Every setting the program reads: .env.example documents exactly these (a test holds them together). */
export const SETTING_NAMES: readonly string[] = Object.keys(ConfigSchema.shape);

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Only the settings that have a value: an empty or blank value is the same as no value. */
function setValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value.trim() !== "") set[name] = value;
  return set;
}

/** Reads every setting; throws one ConfigError that lists every invalid setting and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedConfigSchema.safeParse(setValues(env));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "?")}: ${issue.message}`);
  throw new ConfigError(
    problems.length === 1
      ? `invalid setting ${problems[0]}`
      : `${problems.length} invalid settings: ${problems.join("; ")}`,
  );
}
