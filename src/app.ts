import type { Config } from "./config.ts";
import { OfflineEngine } from "./engine/offline.ts";
import { type ArticleLibrary, KeyvArticleLibrary } from "./library/library.ts";
import type { Logger } from "./log.ts";
import { DigestService } from "./store/digest-service.ts";
import { KeyvDigestStore } from "./store/digest-store.ts";
import { openKeyv } from "./store/open-keyv.ts";

export interface Services {
  digests: DigestService;
  /** Undefined when the store was skipped (--no-cache). */
  library: ArticleLibrary | undefined;
  /** Where the store lives, safe to show. */
  storeWhere: string;
  close(): Promise<void>;
}

/** The one place that wires engine, stores and library together at start-up. */
export async function openServices(
  config: Config,
  log: Logger,
  options: { cache: boolean },
): Promise<Services> {
  const engine = new OfflineEngine();
  if (!options.cache) {
    const digests = new DigestService({ engine, store: undefined, log, timeoutMs: config.STORE_TIMEOUT_MS });
    return { digests, library: undefined, storeWhere: "none", close: async () => {} };
  }
  const digestKv = await openKeyv(config.STORE_URL, "digest", config.STORE_TIMEOUT_MS);
  const libraryKv = await openKeyv(config.STORE_URL, "library", config.STORE_TIMEOUT_MS).catch(
    async (error) => {
      await digestKv.keyv.disconnect().catch(() => {});
      throw error;
    },
  );
  const store = new KeyvDigestStore(digestKv.keyv, (key, why) =>
    log.warn({ key, why }, "digest cache degraded: invalid entry ignored and replaced"),
  );
  const digests = new DigestService({ engine, store, log, timeoutMs: config.STORE_TIMEOUT_MS });
  const library = new KeyvArticleLibrary(libraryKv.keyv, digests, config.STORE_TIMEOUT_MS);
  log.info({ store: digestKv.where, engine: engine.info }, "store opened");
  if (digestKv.readOnlyReason)
    log.warn(
      { store: digestKv.where, reason: digestKv.readOnlyReason },
      "digest cache degraded: the store cannot be written",
    );
  return {
    digests,
    library,
    storeWhere: digestKv.where,
    close: async () => {
      await Promise.allSettled([digestKv.keyv.disconnect(), libraryKv.keyv.disconnect()]);
    },
  };
}
