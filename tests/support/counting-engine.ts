import type { Digest } from "../../src/digest/schema.ts";
import type { DigestEngine } from "../../src/engine/engine.ts";
import { OfflineEngine } from "../../src/engine/offline.ts";

/** The real offline engine, counting its runs; it can be told to fail or to take its time. */
export class CountingEngine implements DigestEngine {
  runs = 0;
  failNext = 0;
  delayMs = 0;
  private readonly inner = new OfflineEngine();
  readonly info;

  constructor(version?: string) {
    this.info = version ? { ...this.inner.info, version } : this.inner.info;
  }

  async digest(article: string): Promise<Digest> {
    this.runs++;
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("engine exploded");
    }
    return { ...(await this.inner.digest(article)), engine: this.info };
  }
}
