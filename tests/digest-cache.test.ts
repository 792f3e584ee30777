import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import type { Digest } from "../src/digest/schema.ts";
import { normalizeInput, sha256 } from "../src/nlp/text.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { type DigestKey, type DigestStore, KeyvDigestStore, keyString } from "../src/store/digest-store.ts";
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

const keyFor = (text: string, engine: CountingEngine): DigestKey => ({
  sha256: sha256(normalizeInput(text)),
  engine: engine.info,
});

describe("digest cache", () => {
  it("extracts once and answers the second request from the store", async () => {
    const { engine, keyv, service } = setup();
    const first = await service.digest(sampleText());
    // A second service on the same store has no memory of its own: the hit must come from the store.
    const other = new DigestService({
      engine,
      store: new KeyvDigestStore(keyv),
      log: capturingLogger().log,
      timeoutMs: 500,
    });
    const second = await other.digest(sampleText());
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.digest).toEqual(first.digest);
    expect(engine.runs).toBe(1);
  });

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

  it("treats a corrupt entry as a miss, replaces it and says so in the log", async () => {
    const { engine, keyv, service, messages } = setup();
    const key = keyString(keyFor(sampleText(), engine));
    await keyv.set(key, { title: "not a digest" });
    const result = await service.digest(sampleText());
    expect(result.cached).toBe(false);
    expect(engine.runs).toBe(1);
    expect(messages()).toContain("digest cache degraded: invalid entry");
    const stored = (await keyv.get(key)) as Digest;
    expect(stored.statements.length).toBeGreaterThan(0);
  });

  it("never serves a valid digest of another text stored under the key", async () => {
    const { engine, keyv, service } = setup();
    const other = await new CountingEngine().digest(
      "Other story\n\nThe council said the bridge would reopen.",
    );
    await keyv.set(keyString(keyFor(sampleText(), engine)), other);
    const result = await service.digest(sampleText());
    expect(result.digest.title).toBe("Paris police say officer and attacker shot, killed");
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
