import type { Digest } from "../digest/schema.ts";
import type { DigestService } from "../store/digest-service.ts";
import type { ArticleLibrary } from "./library.ts";
import type { Article, VersionMeta } from "./schema.ts";

export interface ArticleDigest {
  article: Article;
  version: VersionMeta;
  digest: Digest;
}

export interface ArticleRef {
  guildId: string;
  /** The channel whose current article is meant when no id is given. */
  channelId?: string;
  id?: string | undefined;
  /** A version number; the latest when left out. */
  version?: number;
}

/**
 * "The article a command means → its version → its digest", the one path every command, post and schedule
 * takes. A cached digest is returned at once; `beforeSlow` runs first when the digest must be built (the
 * Discord edge defers the reply there).
 */
export async function articleDigest(
  library: ArticleLibrary,
  digests: DigestService,
  ref: ArticleRef,
  beforeSlow?: () => Promise<unknown>,
): Promise<ArticleDigest> {
  const article =
    ref.channelId !== undefined
      ? await library.resolve(ref.guildId, ref.channelId, ref.id)
      : await library.get(ref.guildId, ref.id ?? "");
  const { meta, stored } = await library.version(ref.guildId, article.id, ref.version);
  const cached = await digests.peek(stored.text);
  if (cached) return { article, version: meta, digest: cached };
  await beforeSlow?.();
  return { article, version: meta, digest: (await digests.digest(stored.text)).digest };
}
