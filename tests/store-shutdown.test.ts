import type { AddressInfo } from "node:net";
import { connect, createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("store-shutdown: REDIS_URL is not set, so the frozen-Redis shutdown test is SKIPPED");

/** A TCP relay to the real Redis that can be frozen: connections stay open, nothing passes any more. */
async function freezableRelay(target: URL) {
  let frozen = false;
  const sockets: Socket[] = [];
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.push(client, upstream);
    client.on("data", (d) => frozen || upstream.write(d));
    upstream.on("data", (d) => frozen || client.write(d));
    client.on("error", () => {});
    upstream.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => {
      frozen = true;
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(!REDIS_URL)("shutting down when Redis stops answering mid-run", () => {
  it("closes every store anyway, so the bot can exit", async () => {
    const relay = await freezableRelay(new URL(REDIS_URL ?? ""));
    try {
      const services = await openServices(
        loadConfig({ STORE_URL: relay.url, STORE_TIMEOUT_MS: "300" }),
        createLogger("silent"),
        { cache: true },
      );
      expect(await services.library?.list("g-shutdown")).toEqual([]);
      relay.freeze();
      const closed = await Promise.race([
        services.close().then(() => "closed"),
        new Promise((resolve) => setTimeout(() => resolve("still waiting"), 12_000)),
      ]);
      expect(closed).toBe("closed");
    } finally {
      await relay.stop();
    }
  }, 20_000);
});
