import type Keyv from "keyv";
import type { z } from "zod";
import type { Digest } from "../digest/schema.ts";
import { BadInputError, NotFoundError } from "../errors.ts";
import type { DigestService } from "../store/digest-service.ts";
import { type Lease, MemoryLease } from "../store/lease.ts";
import { withTimeout } from "../store/timeout.ts";
import { type DigestDiff, diffDigests } from "./diff.ts";
import {
  type Article,
  ArticleIndexSchema,
  ArticleSchema,
  LibraryEntrySchema,
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
  /** The list of ids earlier versions kept (read-modify-write, lossy under concurrent writers): read only. */
  legacyIndex: (guild: string) => `index:${guild}`,
  article: (guild: string, id: string) => `article:${guild}:${id}`,
  version: (guild: string, id: string, n: number) => `version:${guild}:${id}:${n}`,
  channel: (guild: string, channel: string) => `channel:${guild}:${channel}`,
  entry: (guild: string, id: string) => `entry:${guild}:${id}`,
};

export interface LibraryOptions {
  /**
   * Where the one-key-per-article entries live, listed by iterating the store: nothing is ever
   * read-modified-written, so concurrent adders cannot drop each other. A namespace of its own keeps the
   * listing from reading article texts (default: the library's own store).
   */
  entries?: Keyv;
  /** Shared with other bot processes (Redis): picking a free id and numbering versions hold it. */
  lease?: Lease;
  now?: () => Date;
}

// How long a writer may hold a guild's library, and how long another waits for it before giving up.
const LOCK_MS = 15_000;
const LOCK_WAIT_MS = 20_000;

/** The library kept in keyv: the same store as the digests, so it survives restarts and is shared. */
export class KeyvArticleLibrary implements ArticleLibrary {
  private readonly entries: Keyv;
  private readonly lease: Lease;
  private readonly now: () => Date;

  constructor(
    private readonly keyv: Keyv,
    private readonly digests: DigestService,
    private readonly timeoutMs: number,
    options: LibraryOptions = {},
  ) {
    this.entries = options.entries ?? keyv;
    this.lease = options.lease ?? new MemoryLease();
    this.now = options.now ?? (() => new Date());
  }

  async add(input: NewArticle): Promise<VersionResult> {
    const { digest } = await this.digests.digest(input.text);
    const title = (input.title?.trim() || digest.title || "Untitled").slice(0, 200);
    // One add at a time per guild, across processes, so two adds never pick the same id.
    return this.locked(input.guildId, async () => {
      const base = slugify(title);
      let id = base;
      for (let n = 2; await this.exists(input.guildId, id); n++) id = `${base}-${n}`;
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
      // Version first, entry last: a failure half-way leaves no entry pointing at missing data.
      await this.write(keys.version(input.guildId, id, 1), {
        text: input.text,
        digest,
      } satisfies StoredVersion);
      await this.write(keys.article(input.guildId, id), article);
      await withTimeout(
        this.entries.set(keys.entry(input.guildId, id), {
          entry: 1,
          guildId: input.guildId,
          id,
          addedAt: at,
        }),
        this.timeoutMs,
        "writing the library",
      );
      return { article, version: meta, digest, unchanged: false };
    });
  }

  private async exists(guildId: string, id: string): Promise<boolean> {
    const raw: unknown = await withTimeout(
      this.keyv.get(keys.article(guildId, id)),
      this.timeoutMs,
      "reading the library",
    );
    return raw !== undefined;
  }

  /** Work that must not interleave with another writer of the guild's library, in any process. */
  private locked<T>(guildId: string, work: () => Promise<T>): Promise<T> {
    return this.serialised(guildId, async () => {
      const name = `library:${guildId}`;
      const deadline = Date.now() + LOCK_WAIT_MS;
      let token = await this.lease.acquire(name, LOCK_MS);
      while (!token) {
        if (Date.now() > deadline)
          throw new Error(`the library of guild ${guildId} stayed locked for ${LOCK_WAIT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
        token = await this.lease.acquire(name, LOCK_MS);
      }
      try {
        return await work();
      } finally {
        await this.lease.release(name, token).catch(() => {});
      }
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
    // Locked like add: two updates at once must not both become version n + 1.
    return this.locked(input.guildId, async () => {
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
    const ids = new Set(await this.legacyIndex(guildId));
    const scan = async () => {
      if (!this.entries.iterator) throw new Error("the store cannot list its keys");
      // keyv's iterator takes the namespace from the instance; the argument is the adapter's own. Entries
      // are read by value: adapters differ on whether the namespace prefix is left on the key.
      for await (const [, value] of this.entries.iterator(undefined as never) as AsyncIterable<
        [string, unknown]
      >) {
        const entry = LibraryEntrySchema.safeParse(value);
        if (entry.success && entry.data.guildId === guildId) ids.add(entry.data.id);
      }
    };
    await withTimeout(scan(), this.timeoutMs * 4, "listing the library");
    const articles = await Promise.all(
      [...ids].map((id) => this.read(keys.article(guildId, id), ArticleSchema)),
    );
    return articles
      .filter((a): a is Article => a !== undefined)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
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

  /** The article a command means: the one it names, or the channel's current article. */
  async resolve(guildId: string, channelId: string, id?: string): Promise<Article> {
    const chosen = id?.trim() || (await this.channelArticle(guildId, channelId));
    if (!chosen)
      throw new NotFoundError(
        "no article named and this channel has no current article: pick one with /article use",
      );
    return this.get(guildId, chosen);
  }

  private async legacyIndex(guildId: string): Promise<string[]> {
    return (await this.read(keys.legacyIndex(guildId), ArticleIndexSchema)) ?? [];
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
