import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The one place that reads the environment. dotenv is loaded only by the entry point. */
const emptyIsUnset = (v: unknown) => (v === "" ? undefined : v);

// The embedded default: a SQLite file in the project's own data folder, wherever the CLI is run from.
const DEFAULT_SQLITE_FILE = fileURLToPath(new URL("../data/newsdesk.sqlite", import.meta.url));

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
  // How long one store operation may take before the cache is treated as degraded.
  STORE_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
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
