import type { Digest } from "../digest/schema.ts";
import type { DigestEngine } from "../engine/engine.ts";
import type { Logger } from "../log.ts";
import { BoundedMap } from "../util/bounded-map.ts";
import { type DigestKey, type DigestStore, digestKey, keyString } from "./digest-store.ts";
import { withTimeout } from "./timeout.ts";

const RECENT_LIMIT = 256;
// A digest holds its article's paragraphs and quotes from them: about three times the text in memory.
const RECENT_BYTES = 128 * 1024 * 1024;
const digestWeight = (d: Digest) => 3 * 2 * d.paragraphs.reduce((n, p) => n + p.text.length, 0);

export interface DigestResult {
  digest: Digest;
  /** True when the digest came from the store and the engine did not run. */
  cached: boolean;
}

export interface DigestServiceOptions {
  engine: DigestEngine;
  /** Undefined runs the engine every time (--no-cache). */
  store: DigestStore | undefined;
  log: Logger;
  timeoutMs: number;
}

/**
 * Digests through the cache: one extraction per article text and engine version. Concurrent requests for
 * the same uncached text share one engine run (single flight); failures are not cached. When the store
 * fails or hangs, answers still come from the engine and the log says the cache is degraded.
 */
export class DigestService {
  private readonly inFlight = new Map<string, Promise<DigestResult>>();
  // Recent digests in process memory: a batch asks about the same few articles thousands of times.
  private readonly recent = new BoundedMap<string, Digest>(RECENT_LIMIT, {
    maxWeight: RECENT_BYTES,
    weigh: digestWeight,
  });
  /** How many times the engine ran: for logs, tests and the bench. */
  engineRuns = 0;

  constructor(private readonly options: DigestServiceOptions) {}

  get engineInfo() {
    return this.options.engine.info;
  }

  /** The cached digest if there is one, without ever running the engine: lets a reply skip deferring. */
  async peek(text: string): Promise<Digest | undefined> {
    const key = digestKey(text, this.options.engine.info);
    const remembered = this.recent.get(keyString(key));
    if (remembered || !this.options.store) return remembered;
    try {
      const hit = await withTimeout(
        this.options.store.get(key),
        this.options.timeoutMs,
        "reading the digest cache",
      );
      if (hit) this.remember(keyString(key), hit);
      return hit;
    } catch (error) {
      this.options.log.warn({ err: error, sha256: key.sha256 }, "digest cache degraded: read failed");
      return undefined;
    }
  }

  digest(text: string): Promise<DigestResult> {
    const key = digestKey(text, this.options.engine.info);
    const k = keyString(key);
    const remembered = this.recent.get(k);
    if (remembered) return Promise.resolve({ digest: remembered, cached: true });
    const pending = this.inFlight.get(k);
    if (pending) return pending;
    const work = this.lookupOrExtract(key, text)
      .then((result) => {
        if (!result.digest.engine.fallbackFrom) this.remember(k, result.digest);
        return result;
      })
      .finally(() => this.inFlight.delete(k));
    this.inFlight.set(k, work);
    return work;
  }

  private remember(k: string, digest: Digest): void {
    this.recent.set(k, digest);
  }

  private async lookupOrExtract(key: DigestKey, text: string): Promise<DigestResult> {
    const { store, log, timeoutMs, engine } = this.options;
    if (store) {
      try {
        const hit = await withTimeout(store.get(key), timeoutMs, "reading the digest cache");
        if (hit) {
          log.debug({ sha256: key.sha256 }, "digest cache hit");
          return { digest: hit, cached: true };
        }
      } catch (error) {
        log.warn(
          { err: error, sha256: key.sha256 },
          "digest cache degraded: read failed, extracting instead",
        );
      }
    }
    this.engineRuns++;
    const started = performance.now();
    const digest = await engine.digest(text);
    // With the job queue the engine ran on a worker, which logs its own "engine run".
    log.info(
      { sha256: key.sha256, engine: engine.info, ms: Math.round(performance.now() - started) },
      engine.persists ? "digest job done" : "engine run",
    );
    // A fallback answer (the model failed) is served but not kept: the next request tries the model again.
    // An engine that keeps its digests itself (the queue's workers write the shared store) is not repeated.
    if (store && !digest.engine.fallbackFrom && !engine.persists) {
      try {
        await withTimeout(store.set(key, digest), timeoutMs, "writing the digest cache");
      } catch (error) {
        log.warn(
          { err: error, sha256: key.sha256 },
          "digest cache degraded: write failed, digest served uncached",
        );
      }
    }
    return { digest, cached: false };
  }
}
