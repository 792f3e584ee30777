import type { Digest, EngineInfo } from "../digest/schema.ts";
import type { Logger } from "../log.ts";
import type { DigestEngine } from "./engine.ts";

/**
 * The model with the offline engine behind it: whatever makes the primary give up (its API down, the budget
 * spent, an answer the article does not support) is logged, and the fallback's digest is served, marked with
 * where it fell back from and why, so nothing about it looks like the model's reading.
 */
export class FallbackEngine implements DigestEngine {
  readonly info: EngineInfo;

  constructor(
    private readonly primary: DigestEngine,
    private readonly fallback: DigestEngine,
    private readonly log: Logger,
    private readonly describe: (error: unknown) => string,
  ) {
    this.info = primary.info;
  }

  async digest(article: string): Promise<Digest> {
    try {
      return await this.primary.digest(article);
    } catch (error) {
      const reason = this.describe(error);
      this.log.warn({ engine: this.primary.info.name, reason }, "model failed: offline engine answers");
      const digest = await this.fallback.digest(article);
      return {
        ...digest,
        engine: { ...digest.engine, fallbackFrom: this.primary.info.name, fallbackReason: reason },
      };
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.primary.close?.(), this.fallback.close?.()]);
  }
}
