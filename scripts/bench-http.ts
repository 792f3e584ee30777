/**
 * What HTTP-interactions processes hold: signed slash commands on a cached article POSTed to
 * /interactions over keep-alive connections, many at once, as Discord would deliver a busy newsroom's
 * commands. Counts answered interactions per second and the time to each HTTP response.
 *
 *   benchHttp: one process, in this process (npm run bench).
 *   npx tsx scripts/bench-http.ts N: N `newsdesk start` processes in http mode on Redis (REDIS_URL),
 *   the load spread round robin as a load balancer would, for the README's capacity figures.
 */
import { spawn } from "node:child_process";
import type { KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openServices, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { startHttpBot } from "../src/discord/http-bot.ts";
import { createLogger } from "../src/log.ts";
import { createWebApp, startWebServer } from "../src/web/server.ts";
import { applicationKeys, signedHeaders, slashPayload } from "../tests/support/interactions-relay.ts";
import { closedPort } from "../tests/support/ports.ts";

const COMMANDS = ["summary", "confirmed", "unconfirmed", "sources", "brief"] as const;
const root = fileURLToPath(new URL("..", import.meta.url));

/** Puts the article in a guild's library as a channel's current article, its digest in the cache. */
async function seedArticle(services: Services, article: string) {
  const library = services.library;
  if (!library) throw new Error("no library");
  const guildId = String(100000000000000000n + BigInt(Math.floor(Math.random() * 1e12)));
  const channelId = "100000000000000002";
  const { article: added } = await library.add({
    guildId,
    text: article,
    origin: { kind: "paste" },
    addedBy: "bench",
  });
  await library.setChannelArticle(guildId, channelId, added.id);
  await services.digests.digest(article);
  return { guildId, channelId };
}

interface Load {
  urls: string[];
  privateKey: KeyObject;
  guildId: string;
  channelId: string;
  seconds: number;
  concurrency: number;
}

/** Sends signed cached-article commands for `seconds`, `concurrency` at a time; describes what it saw. */
async function interactionLoad(
  load: Load,
): Promise<{ perSecond: number; p50: number; p99: number; failed: number }> {
  let serial = 0;
  const request = () => {
    const id = String(200000000000000000n + BigInt(serial));
    const name = COMMANDS[serial % COMMANDS.length] ?? "summary";
    const url = load.urls[serial++ % load.urls.length] ?? "";
    const body = JSON.stringify(slashPayload({ id, guildId: load.guildId, channelId: load.channelId, name }));
    return { url, init: { method: "POST", headers: signedHeaders(body, load.privateKey), body } };
  };
  for (let i = 0; i < 50; i++) {
    const { url, init } = request();
    await (await fetch(url, init)).arrayBuffer(); // warm-up
  }
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + load.seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const { url, init } = request();
      const started = performance.now();
      const response = await fetch(url, init);
      const reply = (await response.json()) as { type?: number; data?: { embeds?: { title?: string }[] } };
      const title = reply.data?.embeds?.[0]?.title;
      if (response.status !== 200 || reply.type !== 4 || title === "Could not answer") failed++;
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: load.concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failed };
}

const describe = (r: Awaited<ReturnType<typeof interactionLoad>>, who: string, concurrency: number) =>
  `http: ${r.perSecond.toFixed(0)} interactions/s answered by ${who} (${(r.perSecond * 60).toFixed(0)}/min; signed POST /interactions, cache hits, ${concurrency} at once), response p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.failed} not answered with a message`;

export async function benchHttp(article: string, seconds: number, concurrency: number): Promise<string> {
  const keys = applicationKeys();
  const log = createLogger("silent");
  const services = await openServices(loadConfig({ STORE_URL: "memory" }), log, { cache: true });
  if (!services.library) throw new Error("no library");
  // Cache hits answer in the HTTP response: Discord's REST API is never called.
  const bot = startHttpBot({
    token: "bench",
    apiUrl: "http://127.0.0.1:9/api",
    publicKey: keys.publicKeyHex,
    services,
    log,
    maxArticleBytes: 200_000,
    scheduleTickMs: 0,
  });
  const server = await startWebServer(
    createWebApp({
      library: services.library,
      secret: "a-bench-secret-of-at-least-32-characters",
      routes: [{ path: "/interactions", handle: bot.handle }],
    }),
    0,
  );
  try {
    const seeded = await seedArticle(services, article);
    const url = `http://127.0.0.1:${server.port}/interactions`;
    const result = await interactionLoad({
      urls: [url],
      privateKey: keys.privateKey,
      ...seeded,
      seconds,
      concurrency,
    });
    return describe(result, "one process", concurrency);
  } finally {
    await server.close();
    await bot.stop();
    await services.close();
  }
}

/** N `newsdesk start` processes in http mode on one Redis, loaded round robin. */
async function benchCluster(processes: number, seconds: number, concurrency: number): Promise<string> {
  const storeUrl = process.env.REDIS_URL;
  if (!storeUrl) return "http cluster: skipped (set REDIS_URL)";
  const keys = applicationKeys();
  const services = await openServices(loadConfig({ STORE_URL: storeUrl }), createLogger("silent"), {
    cache: true,
  });
  const seeded = await seedArticle(
    services,
    readFileSync(`${root}examples/sample-breaking-news.txt`, "utf8"),
  );
  await services.close();
  const children = await Promise.all(
    Array.from({ length: processes }, async () => {
      const port = await closedPort();
      const child = spawn(`${root}bin/newsdesk`, ["start"], {
        env: {
          ...process.env,
          INTERACTIONS_MODE: "http",
          DISCORD_PUBLIC_KEY: keys.publicKeyHex,
          DISCORD_TOKEN: "bench",
          DISCORD_API_URL: "http://127.0.0.1:9/api",
          STORE_URL: storeUrl,
          WEB_PORT: String(port),
          WEB_SECRET: "a-bench-secret-of-at-least-32-characters",
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      await new Promise<void>((resolve, reject) => {
        child.stderr?.on("data", (d) => {
          stderr += d;
          if (stderr.includes("interactions endpoint on port")) resolve();
        });
        child.on("exit", () => reject(new Error(`endpoint exited: ${stderr}`)));
      });
      return { child, url: `http://127.0.0.1:${port}/interactions` };
    }),
  );
  try {
    const result = await interactionLoad({
      urls: children.map((c) => c.url),
      privateKey: keys.privateKey,
      ...seeded,
      seconds,
      concurrency,
    });
    return describe(result, `${processes} processes on one Redis`, concurrency);
  } finally {
    for (const c of children) c.child.kill("SIGTERM");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const processes = Number(process.argv[2] ?? 2);
  console.log(await benchCluster(processes, 10, 32));
}
