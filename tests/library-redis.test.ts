import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startTs } from "./support/ts-process.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("library-redis: REDIS_URL is not set, so the two-process library test is SKIPPED");
const ADDER = fileURLToPath(new URL("./support/library-adder.ts", import.meta.url));

describe.skipIf(!REDIS_URL)("two bot processes adding to one library on Redis", () => {
  it("keep every article: 50 + 50 added at the same instant, under one title, are 100 listed", async () => {
    const guildId = `g-${randomUUID()}`;
    const adders = ["a", "b"].map((name) => startTs(ADDER, [guildId, name, "50"]));
    // Both processes are up with their services open; then they start together.
    await Promise.all(adders.map((a) => a.waitFor("ready")));
    for (const a of adders) a.child.stdin.end("go\n");
    const exits = await Promise.all(adders.map((a) => a.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    expect(adders.map((a) => a.out()).join("")).toContain("a done");
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
