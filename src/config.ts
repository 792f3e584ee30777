import { z } from "zod";

/** The one place that reads the environment. dotenv is loaded only by the entry point. */
const ConfigSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(200_000),
  // An empty value (DISCORD_TOKEN= in .env) means "not set".
  DISCORD_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
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
