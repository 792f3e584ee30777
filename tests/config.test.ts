import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, SETTING_NAMES } from "../src/config.ts";

const ENV_EXAMPLE = parse(readFileSync(fileURLToPath(new URL("../.env.example", import.meta.url)), "utf8"));

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("the settings were accepted");
}

describe("settings", () => {
  it(".env.example documents exactly the settings the program reads, with the defaults the code uses", () => {
    expect(Object.keys(ENV_EXAMPLE).sort()).toEqual([...SETTING_NAMES].sort());
    expect(loadConfig(ENV_EXAMPLE)).toEqual(loadConfig({}));
  });

  it("an empty or blank value means unset for every setting, so the default applies", () => {
    const defaults = loadConfig({});
    const empty = Object.fromEntries(SETTING_NAMES.map((name) => [name, ""]));
    const blank = Object.fromEntries(SETTING_NAMES.map((name) => [name, "  "]));
    expect(loadConfig(empty)).toEqual(defaults);
    expect(loadConfig(blank)).toEqual(defaults);
    expect(loadConfig({ MAX_ARTICLE_BYTES: "" }).MAX_ARTICLE_BYTES).toBe(200_000);
    expect(loadConfig({ DISCORD_TOKEN: "" }).DISCORD_TOKEN).toBeUndefined();
  });

  it("reports every invalid setting at once, each by name with what is wrong", () => {
    const error = configError({
      MAX_ARTICLE_BYTES: "lots",
      LOG_LEVEL: "loud",
      STORE_TIMEOUT_MS: "1.5",
      OPENAI_MAX_RETRIES: "11",
      OPENAI_BASE_URL: "not a url",
      DISCORD_GUILD_ID: "newsroom",
      STORE_URL: "postgres://db",
      FETCH_ALLOW_HOSTS: "127.0.0.1",
    });
    expect(error.message).toMatch(/^8 invalid settings: /);
    expect(error.message).not.toContain("\n");
    for (const [name, problem] of [
      ["MAX_ARTICLE_BYTES", "must be a number"],
      ["LOG_LEVEL", "must be one of fatal, error, warn, info, debug, trace, silent"],
      ["STORE_TIMEOUT_MS", "must be a whole number"],
      ["OPENAI_MAX_RETRIES", "must be at most 10"],
      ["OPENAI_BASE_URL", "must be a URL"],
      ["DISCORD_GUILD_ID", "must be a numeric id"],
      ["STORE_URL", "must be sqlite://FILE, redis://HOST:PORT or memory"],
      ["FETCH_ALLOW_HOSTS", "each entry must be host:port"],
    ])
      expect(error.message).toContain(`${name}: ${problem}`);
  });

  it("names a single invalid setting without echoing its value", () => {
    const error = configError({ STORE_URL: "ftp://user:hunter2@host" });
    expect(error.message).toBe(
      "invalid setting STORE_URL: must be sqlite://FILE, redis://HOST:PORT or memory",
    );
    expect(configError({ MAX_ARTICLE_BYTES: "0" }).message).toBe(
      "invalid setting MAX_ARTICLE_BYTES: must be at least 1",
    );
  });
});
