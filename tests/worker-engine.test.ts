import Keyv from "keyv";
import { afterEach, describe, expect, it } from "vitest";
import { pathologicalArticles } from "../scripts/pathological-articles.ts";
import type { Digest } from "../src/digest/schema.ts";
import type { DigestEngine } from "../src/engine/engine.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { WorkerOfflineEngine } from "../src/engine/worker-engine.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { KeyvDigestStore } from "../src/store/digest-store.ts";
import { cli, logLines } from "./support/cli.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { FIRE_PATH, sampleText } from "./support/paths.ts";

const engines: WorkerOfflineEngine[] = [];
const workerEngine = (entry?: URL) => {
  const engine = new WorkerOfflineEngine(entry ? { entry } : {});
  engines.push(engine);
  return engine;
};
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

/** The engine as the bot holds it, telling the test when a digest has been handed to it. */
function announcing(inner: DigestEngine): { engine: DigestEngine; started: Promise<void> } {
  let started!: () => void;
  const promise = new Promise<void>((resolve) => {
    started = resolve;
  });
  return {
    started: promise,
    engine: {
      info: inner.info,
      digest: (article: string) => {
        started();
        return inner.digest(article);
      },
    },
  };
}

describe("digests off the event loop", () => {
  it("serves a cached reply while a long article is still being digested", async () => {
    const { engine, started } = announcing(workerEngine());
    const service = new DigestService({
      engine,
      store: new KeyvDigestStore(new Keyv()),
      log: capturingLogger().log,
      timeoutMs: 5000,
    });
    await service.digest(sampleText());
    const long = pathologicalArticles(60_000).find((a) => a.shape === "thousands of distinct speakers");
    const finished: string[] = [];
    const slow = service.digest(long?.text ?? "").then((r) => {
      finished.push("long article");
      return r;
    });
    await started;
    // A turn of the event loop: an engine that digests on this thread has not given it back yet.
    await new Promise((resolve) => setImmediate(resolve));
    const cached = await service.digest(sampleText());
    finished.push("cached reply");
    expect(cached.cached).toBe(true);
    const done = await slow;
    expect(finished).toEqual(["cached reply", "long article"]);
    expect(done.cached).toBe(false);
    expect(done.digest.statements.length).toBeGreaterThan(100);
  });

  it("gives the same digest as the engine in-process", async () => {
    const engine = workerEngine();
    const fromWorker: Digest = await engine.digest(sampleText());
    expect(fromWorker).toEqual(digestArticle(sampleText()));
    expect(engine.info).toEqual(digestArticle(sampleText()).engine);
  });

  it("rejects an engine error with what was being read, and replaces a worker that died", async () => {
    const engine = workerEngine(new URL("./support/failing-digest-worker.mjs", import.meta.url));
    await expect(engine.digest("fail now")).rejects.toThrow(
      "offline digest failed on an article of 8 bytes: RangeError: engine gave up",
    );
    // The article queued behind the one that killed the worker is read by the next worker.
    const [crashed, next] = await Promise.allSettled([engine.digest("crash now"), engine.digest("after")]);
    expect(crashed.status).toBe("rejected");
    expect(crashed.status === "rejected" && String(crashed.reason)).toMatch(
      /the digest worker stopped \(exit code 3\) while reading an article of 9 bytes/,
    );
    expect(next).toEqual({ status: "fulfilled", value: { title: "after" } });
    expect(engine.crashes).toBe(1);
    await expect(engine.digest("still here")).resolves.toEqual({ title: "still here" });
  });

  it("bin/newsdesk start digests in its worker thread and answers on the console", async () => {
    const r = await cli(["start", FIRE_PATH], "/summary\n/quit\n", { LOG_LEVEL: "info" });
    expect(r.code).toBe(0);
    const messages = logLines(r.stderr).map((l) => l.msg);
    expect(messages).toContain("offline digests run in a worker thread");
    expect(messages).toContain("engine run");
    expect(r.stdout).toMatch(/confirmed ·/);
  });

  it("rejects digests once closed", async () => {
    const engine = workerEngine();
    await engine.close();
    await expect(engine.digest(sampleText())).rejects.toThrow("closed");
  });
});
