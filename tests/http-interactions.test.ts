import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openServices, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { type HttpBot, startHttpBot } from "../src/discord/http-bot.ts";
import { applicationKeys, signedHeaders, slashPayload } from "./support/interactions-relay.ts";
import { capturingLogger } from "./support/log-capture.ts";

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
    const signedNull = await post("null", signedHeaders("null", keys.privateKey));
    expect(signedNull.status).toBe(400);
  });

  it("refuses a body larger than any interaction with 413", async () => {
    const huge = JSON.stringify({ type: 1, pad: "x".repeat(1_100_000) });
    expect((await post(huge, signedHeaders(huge, keys.privateKey))).status).toBe(413);
  });
});

describe("POST /interactions: Discord's three-second deadline", () => {
  const keys = applicationKeys();
  const logs = capturingLogger();
  const edits: { method: string; url: string; body: string }[] = [];
  let rest: Server;
  let services: Services;
  let bot: HttpBot;

  beforeAll(async () => {
    // Discord's REST API, as far as an edit of the original reply goes: it records what it is sent.
    rest = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        edits.push({ method: req.method ?? "", url: req.url ?? "", body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "300000000000000001", channel_id: "100000000000000002" }));
      });
    });
    await new Promise<void>((resolve) => rest.listen(0, "127.0.0.1", resolve));
    services = await openServices(loadConfig({ STORE_URL: "memory" }), logs.log, { cache: true });
    bot = startHttpBot({
      token: "not-a-real-token",
      apiUrl: `http://127.0.0.1:${(rest.address() as AddressInfo).port}/api`,
      publicKey: keys.publicKeyHex,
      services,
      log: logs.log,
      maxArticleBytes: 200_000,
      scheduleTickMs: 0,
      deferAfterMs: 100,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await services.close();
    await new Promise((resolve) => rest.close(resolve));
  });

  it("acknowledges a reply that is still being prepared, then edits the answer in", async () => {
    const library = services.library;
    if (!library) throw new Error("no library");
    const guildId = "100000000000000001";
    const channelId = "100000000000000002";
    const { article } = await library.add({
      guildId,
      text: "Bridge closed\n\nThe council said the bridge was closed.",
      origin: { kind: "paste" },
      addedBy: "test",
    });
    await library.setChannelArticle(guildId, channelId, article.id);
    // The lookup behind /summary is slow this once: the endpoint must not keep Discord waiting for it.
    const resolve = library.resolve.bind(library);
    const spy = vi.spyOn(library, "resolve").mockImplementationOnce(async (...args) => {
      await new Promise((r) => setTimeout(r, 600));
      return resolve(...args);
    });
    const body = JSON.stringify(
      slashPayload({ id: "400000000000000001", guildId, channelId, name: "summary" }),
    );
    const response = await bot.handle(
      new Request("http://127.0.0.1/interactions", {
        method: "POST",
        headers: signedHeaders(body, keys.privateKey),
        body,
      }),
    );
    expect(await response.json()).toEqual({ type: 5 });
    expect(edits).toHaveLength(0); // acknowledged before the answer existed
    await vi.waitFor(() => expect(edits).toHaveLength(1), { timeout: 10_000 });
    spy.mockRestore();
    expect(edits[0]?.method).toBe("PATCH");
    expect(edits[0]?.url).toBe(
      "/api/v10/webhooks/100000000000000003/token-400000000000000001/messages/%40original",
    );
    expect(JSON.parse(edits[0]?.body ?? "{}").embeds?.[0]?.title).toBe("Bridge closed");
    expect(logs.lines.some((l) => l.msg === "deferred at the deadline")).toBe(true);
  });
});
