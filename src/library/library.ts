import type Keyv from "keyv";
import type { z } from "zod";
import type { Digest } from "../digest/schema.ts";
import { BadInputError, NotFoundError } from "../errors.ts";
import type { DigestService } from "../store/digest-service.ts";
import { withTimeout } from "../store/timeout.ts";
import { type DigestDiff, diffDigests } from "./diff.ts";
import {
  type Article,
  ArticleIndexSchema,
  ArticleSchema,
  type Origin,
  type StoredVersion,
  StoredVersionSchema,
  type VersionMeta,
} from "./schema.ts";
import { slugify } from "./slug.ts";

export interface NewArticle {
  guildId: string;
  text: string;
  title?: string;
  origin: Origin;
  addedBy: string;
}

export interface ArticleUpdate {
  guildId: string;
  id: string;
  text: string;
  origin: Origin;
  addedBy: string;
}

export interface VersionResult {
  article: Article;
  version: VersionMeta;
  digest: Digest;
  /** True when the text was identical to the latest version, so nothing new was stored. */
  unchanged: boolean;
}

export interface VersionDiff {
  article: Article;
  from: number;
  to: number;
  diff: DigestDiff;
}

/** A guild's articles with every version and its digest, and each channel's current article. */
export interface ArticleLibrary {
  add(input: NewArticle): Promise<VersionResult>;
  update(input: ArticleUpdate): Promise<VersionResult>;
  list(guildId: string): Promise<Article[]>;
  get(guildId: string, id: string): Promise<Article>;
  version(
    guildId: string,
    id: string,
    version?: number,
  ): Promise<{ meta: VersionMeta; stored: StoredVersion }>;
  diff(guildId: string, id: string, from?: number, to?: number): Promise<VersionDiff>;
  setChannelArticle(guildId: string, channelId: string, id: string): Promise<void>;
  channelArticle(guildId: string, channelId: string): Promise<string | undefined>;
  resolve(guildId: string, channelId: string, id?: string): Promise<Article>;
}

const keys = {
  index: (guild: string) => `index:${guild}`,
  article: (guild: string, id: string) => `article:${guild}:${id}`,
  version: (guild: string, id: string, n: number) => `version:${guild}:${id}:${n}`,
  channel: (guild: string, channel: string) => `channel:${guild}:${channel}`,
};

/** The library kept in keyv: the same store as the digests, so it survives restarts and is shared. */
export class KeyvArticleLibrary implements ArticleLibrary {
  constructor(
    private readonly keyv: Keyv,
    private readonly digests: DigestService,
    private readonly timeoutMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(input: NewArticle): Promise<VersionResult> {
    const { digest } = await this.digests.digest(input.text);
    const title = (input.title?.trim() || digest.title || "Untitled").slice(0, 200);
    // One add at a time per guild in this process, so two adds never pick the same id or drop each
    // other from the index.
    return this.serialised(input.guildId, async () => {
      const index = await this.index(input.guildId);
      const base = slugify(title);
      let id = base;
      for (let n = 2; index.includes(id); n++) id = `${base}-${n}`;
      const at = this.now().toISOString();
      const meta = this.meta(1, digest, input, at);
      const article: Article = {
        guildId: input.guildId,
        id,
        title,
        addedBy: input.addedBy,
        addedAt: at,
        versions: [meta],
      };
      // Version first, index last: a failure half-way leaves no entry pointing at missing data.
      await this.write(keys.version(input.guildId, id, 1), {
        text: input.text,
        digest,
      } satisfies StoredVersion);
      await this.write(keys.article(input.guildId, id), article);
      await this.addToIndex(input.guildId, id);
      return { article, version: meta, digest, unchanged: false };
    });
  }

  private readonly queues = new Map<string, Promise<unknown>>();

  private serialised<T>(guildId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(guildId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => {});
    this.queues.set(guildId, settled);
    void settled.then(() => {
      if (this.queues.get(guildId) === settled) this.queues.delete(guildId);
    });
    return next;
  }

  async update(input: ArticleUpdate): Promise<VersionResult> {
    await this.get(input.guildId, input.id);
    const { digest } = await this.digests.digest(input.text);
    // Serialised like add: two updates at once must not both become version n + 1.
    return this.serialised(input.guildId, async () => {
      const article = await this.get(input.guildId, input.id);
      const latest = article.versions.at(-1);
      if (latest && latest.sha256 === digest.inputSha256)
        return { article, version: latest, digest, unchanged: true };
      const meta = this.meta(article.versions.length + 1, digest, input, this.now().toISOString());
      const updated: Article = { ...article, versions: [...article.versions, meta] };
      await this.write(keys.version(input.guildId, input.id, meta.version), {
        text: input.text,
        digest,
      } satisfies StoredVersion);
      await this.write(keys.article(input.guildId, input.id), updated);
      return { article: updated, version: meta, digest, unchanged: false };
    });
  }

  async list(guildId: string): Promise<Article[]> {
    const ids = await this.index(guildId);
    const articles = await Promise.all(ids.map((id) => this.read(keys.article(guildId, id), ArticleSchema)));
    return articles.filter((a): a is Article => a !== undefined);
  }

  async get(guildId: string, id: string): Promise<Article> {
    const article = await this.read(keys.article(guildId, id), ArticleSchema);
    if (!article) throw new NotFoundError(`no article '${id}' in this library`);
    return article;
  }

  async version(guildId: string, id: string, version?: number) {
    const article = await this.get(guildId, id);
    const meta =
      version === undefined ? article.versions.at(-1) : article.versions.find((v) => v.version === version);
    if (!meta)
      throw new NotFoundError(
        `article '${id}' has no version ${version} (it has 1 to ${article.versions.length})`,
      );
    const stored = await this.read(keys.version(guildId, id, meta.version), StoredVersionSchema);
    if (!stored) throw new NotFoundError(`version ${meta.version} of '${id}' is missing from the store`);
    return { meta, stored };
  }

  async diff(guildId: string, id: string, from?: number, to?: number): Promise<VersionDiff> {
    const article = await this.get(guildId, id);
    const last = article.versions.length;
    const toVersion = to ?? last;
    const fromVersion = from ?? toVersion - 1;
    if (fromVersion < 1 || fromVersion >= toVersion)
      throw new BadInputError(
        last < 2
          ? `'${id}' has only one version: add another with update before asking what changed`
          : `choose two versions between 1 and ${last}, the first before the second`,
      );
    const [a, b] = await Promise.all([
      this.version(guildId, id, fromVersion),
      this.version(guildId, id, toVersion),
    ]);
    return { article, from: fromVersion, to: toVersion, diff: diffDigests(a.stored.digest, b.stored.digest) };
  }

  async setChannelArticle(guildId: string, channelId: string, id: string): Promise<void> {
    await this.get(guildId, id);
    await this.write(keys.channel(guildId, channelId), id);
  }

  async channelArticle(guildId: string, channelId: string): Promise<string | undefined> {
    const id: unknown = await withTimeout(
      this.keyv.get(keys.channel(guildId, channelId)),
      this.timeoutMs,
      "reading the library",
    );
    return typeof id === "string" ? id : undefined;
  }

  private meta(version: number, digest: Digest, input: NewArticle | ArticleUpdate, at: string): VersionMeta {
    return {
      version,
      sha256: digest.inputSha256,
      origin: input.origin,
      addedBy: input.addedBy,
      addedAt: at,
      engine: digest.engine,
    };
  }

  /**
   * Keyv has no atomic list update, so another process may write the index between our read and write;
   * re-reading and retrying makes losing an id that way very unlikely (see the closing note of issue 3).
   */
  private async addToIndex(guildId: string, id: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const index = await this.index(guildId);
      if (index.includes(id)) return;
      await this.write(keys.index(guildId), [...index, id]);
      if ((await this.index(guildId)).includes(id)) return;
    }
  }

  /** The article a command means: the one it names, or the channel's current article. */
  async resolve(guildId: string, channelId: string, id?: string): Promise<Article> {
    const chosen = id?.trim() || (await this.channelArticle(guildId, channelId));
    if (!chosen)
      throw new NotFoundError(
        "no article named and this channel has no current article: pick one with /article use",
      );
    return this.get(guildId, chosen);
  }

  private async index(guildId: string): Promise<string[]> {
    return (await this.read(keys.index(guildId), ArticleIndexSchema)) ?? [];
  }

  private async read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw: unknown = await withTimeout(this.keyv.get(key), this.timeoutMs, "reading the library");
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  private async write(key: string, value: unknown): Promise<void> {
    await withTimeout(this.keyv.set(key, value), this.timeoutMs, "writing the library");
  }
}
