import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "../src/log.ts";

const DISCORD_TOKEN = "MTA5ODc2.discord-bot-token-secret";
const OPENAI_API_KEY = "sk-proj-openai-key-secret";
const BEARER = "Bearer header-bearer-secret";
const SECRETS = [
  DISCORD_TOKEN,
  OPENAI_API_KEY,
  BEARER,
  "header-bearer-secret",
  "discord-bot-token",
  "openai-key",
];

/** A real logger writing to a string, as it would write to stderr. */
function loggerToText() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { log: createLogger("trace", stream), text: () => text };
}

class ApiError extends Error {
  constructor(
    message: string,
    readonly headers: Record<string, string>,
    readonly request: unknown,
  ) {
    super(message);
  }
}

describe("log redaction", () => {
  it("never writes the Discord token, the API key or an authorization header, however they are nested", () => {
    const { log, text } = loggerToText();
    log.info({ config: { DISCORD_TOKEN, OPENAI_API_KEY, LOG_LEVEL: "info" } }, "settings");
    log.info({ token: DISCORD_TOKEN, apiKey: OPENAI_API_KEY }, "top level");
    log.info(
      { client: { apiKey: OPENAI_API_KEY, api_key: OPENAI_API_KEY, "x-api-key": OPENAI_API_KEY } },
      "nested keys",
    );
    log.info({ headers: { Authorization: BEARER } }, "capitalised header");
    log.info({ req: { headers: { authorization: BEARER } } }, "request headers");
    log.warn(
      { request: { options: { headers: { AUTHORIZATION: BEARER, "Proxy-Authorization": BEARER } } } },
      "deep",
    );
    log.info({ requests: [{ headers: { authorization: BEARER } }, { token: DISCORD_TOKEN }] }, "in an array");
    log.info({ rest: { botToken: DISCORD_TOKEN, auth: { token: DISCORD_TOKEN } } }, "bot token");
    const error = new ApiError(
      "401 Unauthorized",
      { authorization: BEARER },
      {
        headers: { Authorization: BEARER },
        body: { apiKey: OPENAI_API_KEY },
      },
    );
    log.error({ err: error, command: "start" }, "command failed");
    log.error(error);
    log.error({ reason: error, wrapped: { cause: error } }, "error under another key");
    const child = log.child({ token: DISCORD_TOKEN, shard: 0 });
    child.info({ OPENAI_API_KEY }, "child logger");
    child.child({ headers: { authorization: BEARER } }).info("grandchild logger");

    const output = text();
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(13);
    expect(output.split(REDACTED).length - 1).toBeGreaterThanOrEqual(25);
  });

  it("keeps everything that is not a secret, including an error's type, message, stack and fields", () => {
    const { log, text } = loggerToText();
    const error = new ApiError(
      "401 Unauthorized",
      { authorization: BEARER, "retry-after": "3" },
      { path: "/x" },
    );
    log.info({ config: { DISCORD_TOKEN, LOG_LEVEL: "info" }, guilds: 2, tokens: 1200 }, "settings");
    log.error({ err: error, command: "start" }, "command failed");
    const [settings, failed] = text()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(settings).toMatchObject({
      msg: "settings",
      config: { DISCORD_TOKEN: REDACTED, LOG_LEVEL: "info" },
      guilds: 2,
      tokens: 1200,
    });
    expect(failed).toMatchObject({
      msg: "command failed",
      command: "start",
      err: {
        type: "ApiError",
        message: "401 Unauthorized",
        headers: { authorization: REDACTED, "retry-after": "3" },
        request: { path: "/x" },
      },
    });
    expect(failed.err.stack).toContain("401 Unauthorized");
  });

  it("prints a cycle once instead of failing", () => {
    const { log, text } = loggerToText();
    const loop: Record<string, unknown> = { name: "loop", token: DISCORD_TOKEN };
    loop.self = loop;
    log.info({ loop }, "cycle");
    expect(JSON.parse(text())).toMatchObject({ loop: { name: "loop", token: REDACTED, self: "[circular]" } });
  });
});
