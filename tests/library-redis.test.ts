import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("library-redis: REDIS_URL is not set, so the two-process library test is SKIPPED");
const ADDER = fileURLToPath(new URL("./support/library-adder.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));

function adder(guildId: string, name: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", ADDER, guildId, name, "50", String(startAt)], {
      cwd: ROOT,
      env: { ...process.env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${name} exited ${code}: ${err}`)),
    );
  });
}

describe.skipIf(!REDIS_URL)("two bot processes adding to one library on Redis", () => {
  it("keep every article: 50 + 50 added at the same instant, under one title, are 100 listed", async () => {
    const guildId = `g-${randomUUID()}`;
    const startAt = Date.now() + 4000; // both processes are up by then and start together
    const outs = await Promise.all([adder(guildId, "a", startAt), adder(guildId, "b", startAt)]);
    expect(outs.join("")).toContain("a done");
    const services = await openServices(loadConfig({ STORE_URL: REDIS_URL ?? "" }), createLogger("silent"), {
      cache: true,
    });
    try {
      const listed = (await services.library?.list(guildId)) ?? [];
      expect(listed).toHaveLength(100);
      expect(new Set(listed.map((a) => a.id)).size).toBe(100);
      // Each entry is the article its adder wrote, not one overwritten by the other process.
      const bridges = new Set(
        await Promise.all(
          listed.map(
            async (a) =>
              (await services.library?.version(guildId, a.id))?.stored.text.match(/bridge (\S+)/)?.[1],
          ),
        ),
      );
      expect(bridges.size).toBe(100);
    } finally {
      await services.close();
    }
  }, 60_000);
});
