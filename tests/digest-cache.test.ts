import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { DigestService } from "../src/store/digest-service.ts";
import { type DigestStore, KeyvDigestStore } from "../src/store/digest-store.ts";
import { CountingEngine } from "./support/counting-engine.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { sampleText } from "./support/paths.ts";

function setup(engine = new CountingEngine(), store?: DigestStore, timeoutMs = 500) {
  const keyv = new Keyv();
  const { log, messages } = capturingLogger();
  const digestStore =
    store ??
    new KeyvDigestStore(keyv, (key, why) => log.warn({ key, why }, "digest cache degraded: invalid entry"));
  const service = new DigestService({ engine, store: digestStore, log, timeoutMs });
  return { engine, keyv, service, messages };
}

// The digest store itself, and a second service answering from it, are in store-contract.test.ts.
describe("digest cache", () => {
  it("runs the engine exactly once for 100 concurrent requests of one uncached article", async () => {
    const engine = new CountingEngine();
    engine.delayMs = 20;
    const { service } = setup(engine);
    const results = await Promise.all(Array.from({ length: 100 }, () => service.digest(sampleText())));
    expect(engine.runs).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.digest))).size).toBe(1);
  });

  it("does not cache a failure", async () => {
    const engine = new CountingEngine();
    engine.failNext = 1;
    const { service } = setup(engine);
    await expect(service.digest(sampleText())).rejects.toThrow("engine exploded");
    const retry = await service.digest(sampleText());
    expect(retry.cached).toBe(false);
    expect(engine.runs).toBe(2);
  });

  it("re-extracts when the engine version changes", async () => {
    const { keyv, service } = setup(new CountingEngine("1.0.0"));
    await service.digest(sampleText());
    const newer = new CountingEngine("2.0.0");
    const upgraded = new DigestService({
      engine: newer,
      store: new KeyvDigestStore(keyv),
      log: capturingLogger().log,
      timeoutMs: 500,
    });
    const result = await upgraded.digest(sampleText());
    expect(result.cached).toBe(false);
    expect(result.digest.engine.version).toBe("2.0.0");
  });

  it("answers from the engine when the store fails or hangs, and logs the cache as degraded", async () => {
    const failing: DigestStore = {
      get: () => Promise.reject(new Error("SQLITE_IOERR")),
      set: () => Promise.reject(new Error("SQLITE_FULL: database or disk is full")),
    };
    const hanging: DigestStore = { get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
    for (const store of [failing, hanging]) {
      const { service, messages } = setup(new CountingEngine(), store, 50);
      const result = await service.digest(sampleText());
      expect(result.digest.statements.length).toBeGreaterThan(0);
      expect(messages().filter((m) => m.startsWith("digest cache degraded"))).toHaveLength(2);
    }
  });
});
