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

  it("the web view: off by default; WEB_SECRET required (32 characters or more) with WEB_PORT; the link base defaults to the port", () => {
    const defaults = loadConfig({});
    expect(defaults.WEB_PORT).toBeUndefined();
    expect(defaults.WEB_PUBLIC_URL).toBeUndefined();
    expect(defaults.WEB_LINK_TTL_HOURS).toBe(72);
    expect(configError({ WEB_PORT: "8080" }).message).toBe(
      "invalid setting WEB_SECRET: must be set (at least 32 characters) when WEB_PORT is set",
    );
    const short = configError({ WEB_PORT: "8080", WEB_SECRET: "hunter2" });
    expect(short.message).toBe("invalid setting WEB_SECRET: must be at least 32 characters");
    expect(short.message).not.toContain("hunter2");
    const secret = "s".repeat(32);
    expect(loadConfig({ WEB_PORT: "8080", WEB_SECRET: secret }).WEB_PUBLIC_URL).toBe("http://localhost:8080");
    expect(
      loadConfig({ WEB_PORT: "8080", WEB_SECRET: secret, WEB_PUBLIC_URL: "https://desk.example/news/" })
        .WEB_PUBLIC_URL,
    ).toBe("https://desk.example/news");
    expect(configError({ WEB_PORT: "70000", WEB_SECRET: secret }).message).toBe(
      "invalid setting WEB_PORT: must be at most 65535",
    );
  });

  it("http interactions: gateway by default; http mode names every setting it still needs, never echoing a key", () => {
    expect(loadConfig({}).INTERACTIONS_MODE).toBe("gateway");
    expect(configError({ INTERACTIONS_MODE: "http" }).message).toBe(
      "3 invalid settings: DISCORD_PUBLIC_KEY: must be set when INTERACTIONS_MODE=http (it checks that requests come from Discord); " +
        "WEB_PORT: must be set when INTERACTIONS_MODE=http (the port Discord's requests arrive on, at POST /interactions); " +
        "DISCORD_TOKEN: must be set when INTERACTIONS_MODE=http (follow-ups and posts go through Discord's REST API)",
    );
    const bad = configError({ DISCORD_PUBLIC_KEY: "not-a-key-zzzz" });
    expect(bad.message).toBe(
      "invalid setting DISCORD_PUBLIC_KEY: must be the application's public key (64 hex characters)",
    );
    expect(bad.message).not.toContain("zzzz");
    const complete = loadConfig({
      INTERACTIONS_MODE: "http",
      DISCORD_PUBLIC_KEY: "ab".repeat(32),
      DISCORD_TOKEN: "token",
      WEB_PORT: "8080",
      WEB_SECRET: "s".repeat(32),
    });
    expect(complete.INTERACTIONS_MODE).toBe("http");
  });
});
