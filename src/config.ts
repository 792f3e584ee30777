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

/** The one place that reads the environment. dotenv is loaded only by the entry point. */
const emptyIsUnset = (v: unknown) => (v === "" ? undefined : v);

// The embedded default: a SQLite file in the project's own data folder, wherever the CLI is run from.
const DEFAULT_SQLITE_FILE = projectPath("data/newsdesk.sqlite");

const ConfigSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(200_000),
  // An empty value (DISCORD_TOKEN= in .env) means "not set".
  DISCORD_TOKEN: z.preprocess(emptyIsUnset, z.string().min(1).optional()),
  // The bot's application and, for guild-scoped command registration, the guild.
  DISCORD_APPLICATION_ID: z.preprocess(
    emptyIsUnset,
    z.string().regex(/^\d+$/, "must be a numeric id").optional(),
  ),
  DISCORD_GUILD_ID: z.preprocess(emptyIsUnset, z.string().regex(/^\d+$/, "must be a numeric id").optional()),
  // Discord's REST base; point it at a local fake Discord to run the bot unchanged in tests.
  DISCORD_API_URL: z.preprocess(emptyIsUnset, z.string().url().default("https://discord.com/api")),
  // Where digests and the article library live: sqlite://FILE (default), redis://HOST:PORT, or memory.
  STORE_URL: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .regex(/^(sqlite:\/\/.+|rediss?:\/\/.+|memory)$/, "must be sqlite://FILE, redis://HOST:PORT or memory")
      .default(`sqlite://${DEFAULT_SQLITE_FILE}`),
  ),
  // Which engine builds digests: auto uses the model when OPENAI_API_KEY or OPENAI_BASE_URL is set.
  ENGINE: z.enum(["auto", "offline", "openai"]).default("auto"),
  OPENAI_API_KEY: z.preprocess(emptyIsUnset, z.string().min(1).optional()),
  // Any OpenAI-compatible server, e.g. the newsroom's own model server for unpublished material.
  OPENAI_BASE_URL: z.preprocess(emptyIsUnset, z.string().url().optional()),
  OPENAI_MODEL: z.preprocess(emptyIsUnset, z.string().min(1).default("gpt-4o-mini")),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  // Tokens the model may use per calendar month (0: no limit); past it, the offline engine answers.
  OPENAI_MONTHLY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(0),
  // Prices in USD per million tokens, for the cost estimate kept with each digest.
  OPENAI_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).default(0.15),
  OPENAI_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).default(0.6),
  // How long one store operation may take before the cache is treated as degraded.
  STORE_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
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
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(5_000_000),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid setting ${String(issue?.path[0] ?? "?")}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
