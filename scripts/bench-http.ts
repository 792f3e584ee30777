/**
 * What one HTTP-interactions process holds: signed slash commands on a cached article POSTed to
 * /interactions over keep-alive connections, many at once, as Discord would deliver a busy newsroom's
 * commands. Counts answered interactions per second and the time to each HTTP response.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { startHttpBot } from "../src/discord/http-bot.ts";
import { createLogger } from "../src/log.ts";
import { createWebApp, startWebServer } from "../src/web/server.ts";

const COMMANDS = ["summary", "confirmed", "unconfirmed", "sources", "brief"] as const;

export async function benchHttp(article: string, seconds: number, concurrency: number): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url").toString("hex");
  const log = createLogger("silent");
  const services = await openServices(loadConfig({ STORE_URL: "memory" }), log, { cache: true });
  const library = services.library;
  if (!library) throw new Error("no library");
  // Cache hits answer in the HTTP response: Discord's REST API is never called.
  const bot = startHttpBot({
    token: "bench",
    apiUrl: "http://127.0.0.1:9/api",
    publicKey: publicKeyHex,
    services,
    log,
    maxArticleBytes: 200_000,
    scheduleTickMs: 0,
  });
  const server = await startWebServer(
    createWebApp({
      library,
      secret: "a-bench-secret-of-at-least-32-characters",
      routes: [{ path: "/interactions", handle: bot.handle }],
    }),
    0,
  );
  try {
    const guildId = "100000000000000001";
    const channelId = "100000000000000002";
    const { article: added } = await library.add({
      guildId,
      text: article,
      origin: { kind: "paste" },
      addedBy: "bench",
    });
    await library.setChannelArticle(guildId, channelId, added.id);
    await services.digests.digest(article);
    let serial = 0;
    const request = () => {
      const id = String(200000000000000000n + BigInt(serial));
      const name = COMMANDS[serial++ % COMMANDS.length] ?? "summary";
      const body = JSON.stringify({
        id,
        application_id: "100000000000000003",
        type: 2,
        token: `token-${id}`,
        version: 1,
        guild_id: guildId,
        channel_id: channelId,
        channel: { id: channelId, type: 0, name: "breaking", guild_id: guildId },
        data: { id: "100000000000000004", name, type: 1, options: [] },
        member: {
          user: { id: "100000000000000005", username: "reporter", discriminator: "0", avatar: null },
          roles: [],
          permissions: "2147486720",
          joined_at: "2026-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
        },
        locale: "en-US",
        app_permissions: "2147486720",
        entitlements: [],
        authorizing_integration_owners: {},
        context: 0,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        body,
        headers: {
          "content-type": "application/json",
          "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), privateKey).toString("hex"),
          "x-signature-timestamp": timestamp,
        },
      };
    };
    const url = `http://127.0.0.1:${server.port}/interactions`;
    const latencies: number[] = [];
    let failed = 0;
    const until = performance.now() + seconds * 1000;
    const client = async () => {
      while (performance.now() < until) {
        const { body, headers } = request();
        const started = performance.now();
        const response = await fetch(url, { method: "POST", headers, body });
        const reply = (await response.json()) as { type?: number; data?: { embeds?: { title?: string }[] } };
        if (
          response.status !== 200 ||
          reply.type !== 4 ||
          reply.data?.embeds?.[0]?.title === "Could not answer"
        )
          failed++;
        latencies.push(performance.now() - started);
      }
    };
    // A warm-up, then the measured run.
    for (let i = 0; i < 50; i++) {
      const { body, headers } = request();
      await (await fetch(url, { method: "POST", headers, body })).arrayBuffer();
    }
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    const perSecond = latencies.length / elapsed;
    return `http: ${perSecond.toFixed(0)} interactions/s answered by one process (${(perSecond * 60).toFixed(0)}/min; signed POST /interactions, cache hits, ${concurrency} at once), response p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, ${failed} not answered with a message`;
  } finally {
    await server.close();
    await bot.stop();
    await services.close();
  }
}
