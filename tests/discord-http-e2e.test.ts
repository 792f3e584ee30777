import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { type HttpBot, startHttpBot } from "../src/discord/http-bot.ts";
import { commandSuite } from "./support/command-suite.ts";
import { applicationKeys, signedHeaders } from "./support/interactions-relay.ts";
import { capturingLogger } from "./support/log-capture.ts";

// The whole command set, answered through POST /interactions instead of the gateway.
commandSuite("http");

describe("POST /interactions: only Discord's signed requests are answered", () => {
  const keys = applicationKeys();
  const logs = capturingLogger();
  let bot: HttpBot;
  let close: () => Promise<void>;
  const ping = JSON.stringify({ id: "1", type: 1, application_id: "2", token: "t", version: 1 });
  const post = (body: string, headers: Record<string, string>) =>
    bot.handle(new Request("http://127.0.0.1/interactions", { method: "POST", headers, body }));

  beforeAll(async () => {
    const services = await openServices(loadConfig({ STORE_URL: "memory" }), logs.log, { cache: true });
    // REST is never reached here: every request below is answered, or refused, by the endpoint itself.
    bot = startHttpBot({
      token: "not-a-real-token",
      apiUrl: "http://127.0.0.1:9/api",
      publicKey: keys.publicKeyHex,
      services,
      log: logs.log,
      maxArticleBytes: 200_000,
      scheduleTickMs: 0,
    });
    close = async () => {
      await bot.stop();
      await services.close();
    };
  });
  afterAll(() => close());

  it("answers a PING signed with the application's key", async () => {
    const response = await post(ping, signedHeaders(ping, keys.privateKey));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it("refuses a tampered body, a wrong key, a missing header and an old timestamp with 401", async () => {
    const good = signedHeaders(ping, keys.privateKey);
    const tampered = await post(ping.replace('"t"', '"u"'), good);
    const wrongKey = await post(ping, signedHeaders(ping, applicationKeys().privateKey));
    const { "x-signature-ed25519": _dropped, ...unsigned } = good;
    const missing = await post(ping, unsigned);
    const oldTimestamp = Math.floor(Date.now() / 1000) - 3600;
    const stale = await post(ping, signedHeaders(ping, keys.privateKey, oldTimestamp));
    expect([tampered.status, wrongKey.status, missing.status, stale.status]).toEqual([401, 401, 401, 401]);
    const reasons = logs.lines.filter((l) => l.msg?.includes("bad signature")).map((l) => l.reason);
    expect(reasons).toEqual(["wrong", "wrong", "missing", "stale"]);
  });

  it("refuses an unsigned request before reading it as JSON", async () => {
    const response = await post("{not json", { "content-type": "application/json" });
    expect(response.status).toBe(401);
    const signedGarbage = await post("{not json", signedHeaders("{not json", keys.privateKey));
    expect(signedGarbage.status).toBe(400);
  });

  it("refuses a body larger than any interaction with 413", async () => {
    const huge = JSON.stringify({ type: 1, pad: "x".repeat(1_100_000) });
    expect((await post(huge, signedHeaders(huge, keys.privateKey))).status).toBe(413);
  });
});
