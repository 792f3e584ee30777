import type { Digest, EngineInfo } from "../digest/schema.ts";

/** What every digest engine offers: the offline one here, an OpenAI-backed one later. */
export interface DigestEngine {
  readonly info: EngineInfo;
  digest(article: string): Promise<Digest>;
  /** Releases what the engine holds (a worker thread); digests still waiting are rejected. */
  close?(): Promise<void>;
}
