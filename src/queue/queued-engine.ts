import type { Digest, EngineInfo } from "../digest/schema.ts";
import type { DigestEngine } from "../engine/engine.ts";
import { digestKey } from "../store/digest-store.ts";
import { digestJobId, type Jobs } from "./jobs.ts";

/**
 * The digest engine of a bot process when digests run on the queue: each digest becomes a job (one per
 * article version) that a `newsdesk worker` runs with the real engine. It carries the real engine's name
 * and version, so cache keys are the same whether a digest was built here or on a worker; the workers
 * write the shared store, so the digest service does not write it again (`persists`).
 */
export class QueuedDigestEngine implements DigestEngine {
  readonly persists = true;

  constructor(
    readonly info: EngineInfo,
    private readonly jobs: Jobs,
  ) {}

  digest(article: string): Promise<Digest> {
    return this.jobs.run("digest", digestJobId(digestKey(article, this.info)), { text: article });
  }
}
