import type { Digest, EngineInfo } from "../digest/schema.ts";

/** What every digest engine offers: the offline one here, an OpenAI-backed one later. */
export interface DigestEngine {
  readonly info: EngineInfo;
  digest(article: string): Promise<Digest>;
  /**
   * True when the engine itself keeps each digest it builds in the shared store (the job queue's workers
   * do), so the digest service does not write it a second time.
   */
  readonly persists?: boolean;
  /** Releases what the engine holds (a worker thread); digests still waiting are rejected. */
  close?(): Promise<void>;
}
