import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { cli, engineRuns } from "./support/cli.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { fireText, sampleText } from "./support/paths.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn("store-redis: REDIS_URL is not set, so the shared-Redis tests are SKIPPED");
const hasRedisServer = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasRedisServer)
  console.warn("store-redis: no redis-server binary, so the Redis-goes-away test is SKIPPED");

/** A story nobody has cached yet, so every run starts cold. */
function uniqueArticle(): string {
  const file = join(mkdtempSync(join(tmpdir(), "newsdesk-redis-")), "article.txt");
  writeFileSync(file, `${sampleText()}\n\nRun ${randomUUID()} closed the briefing at noon.`);
  return file;
}

describe.skipIf(!REDIS_URL)("Redis store shared by several processes", () => {
  it("a second process gets the first one's digest from Redis without running the engine", async () => {
    const env = { STORE_URL: REDIS_URL ?? "", LOG_LEVEL: "info" };
    const file = uniqueArticle();
    const first = await cli(["digest", file, "--json"], "", env);
    const second = await cli(["digest", file, "--json"], "", env);
    expect(engineRuns(first.stderr)).toBe(1);
    expect(engineRuns(second.stderr)).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it("shares the library between processes", async () => {
    const env = { STORE_URL: REDIS_URL ?? "", LOG_LEVEL: "info" };
    const guild = `test-${randomUUID()}`;
    const added = await cli(
      ["library", "add", uniqueArticle(), "--guild", guild, "--title", "Shared story"],
      "",
      env,
    );
    expect(added.code).toBe(0);
    const list = await cli(["library", "list", "--guild", guild], "", env);
    expect(list.stdout).toMatch(/^shared-story\tShared story\tv1\t/);
  });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill("SIGKILL");
});

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  servers.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (String(d).includes("Ready to accept connections")) resolve();
    });
    child.on("exit", () => reject(new Error("redis-server exited")));
  });
  return child;
}

describe.skipIf(!hasRedisServer)("Redis going away mid-run", () => {
  it("keeps answering from the engine, never crashes and never serves a wrong digest", async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const { log, messages } = capturingLogger();
    const config = loadConfig({ STORE_URL: `redis://127.0.0.1:${port}`, STORE_TIMEOUT_MS: "300" });
    const services = await openServices(config, log, { cache: true });
    try {
      const before = await services.digests.digest(sampleText());
      expect(before.cached).toBe(false);
      redis.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 100));
      const during = await services.digests.digest(fireText());
      expect(during.digest).toEqual(digestArticle(fireText()));
      expect(messages().some((m) => m.startsWith("digest cache degraded"))).toBe(true);
      await expect(services.library?.list("g")).rejects.toThrow();
    } finally {
      await services.close();
    }
  });
});
