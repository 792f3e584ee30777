import type { Digest } from "../digest/schema.ts";
import { NotFoundError, UserError } from "../errors.ts";
import type { FetchedResource, Intake } from "../intake/types.ts";
import type { DigestDiff } from "../library/diff.ts";
import type { ArticleLibrary } from "../library/library.ts";
import type { Article } from "../library/schema.ts";
import type { Follow } from "./schema.ts";
import { substantiveChange } from "./substance.ts";
import { afterFailure, afterSuccess, MAX_FAILURES } from "./timing.ts";

export type FollowEvent =
  | {
      kind: "changed";
      article: Article;
      from: number;
      to: number;
      change: DigestDiff;
      /** The digests of the two versions: withdrawn statements name sources of the earlier one. */
      previous: Digest;
      digest: Digest;
    }
  | { kind: "new-items"; items: { article: Article; digest: Digest; link?: string }[] }
  | { kind: "paused"; reason: string };

export type CheckOutcome = "unchanged" | "new-version" | "changed" | "new-items" | "failed" | "paused";

export interface CheckResult {
  follow: Follow;
  events: FollowEvent[];
  outcome: CheckOutcome;
}

export interface CheckDeps {
  intake: Intake;
  library: ArticleLibrary;
  now: Date;
  random?: () => number;
}

// A feed's first read adds its newest items, not its whole archive; later reads add what is new.
const FIRST_READ_ITEMS = 5;
const ITEMS_PER_CHECK = 10;
const SEEN_ITEMS_KEPT = 500;

/** One poll of one follow: what to store, what to post, and when to look again. */
export async function checkFollow(follow: Follow, deps: CheckDeps): Promise<CheckResult> {
  const random = deps.random ?? Math.random;
  try {
    const resource = await deps.intake.fetch(follow.url, {
      ...(follow.etag ? { etag: follow.etag } : {}),
      ...(follow.lastModified ? { lastModified: follow.lastModified } : {}),
    });
    const validators = {
      ...follow,
      ...(resource.etag ? { etag: resource.etag } : {}),
      ...(resource.lastModified ? { lastModified: resource.lastModified } : {}),
    };
    const ok = afterSuccess(validators, deps.now, random);
    if (resource.status === 304) return { follow: ok, events: [], outcome: "unchanged" };
    return follow.kind === "feed"
      ? await readFeedItems(ok, resource, deps)
      : await readPageVersion(ok, resource, deps);
  } catch (error) {
    const reason = error instanceof UserError ? error.message : "the link could not be read";
    const failed = afterFailure(follow, deps.now, random, reason);
    if (failed.failures >= MAX_FAILURES) {
      const why = `${failed.failures} checks in a row failed; the last: ${reason}`;
      return {
        follow: { ...failed, paused: { reason: why, at: deps.now.toISOString() } },
        events: [{ kind: "paused", reason: why }],
        outcome: "paused",
      };
    }
    return { follow: failed, events: [], outcome: "failed" };
  }
}

async function readPageVersion(
  follow: Follow,
  resource: FetchedResource,
  deps: CheckDeps,
): Promise<CheckResult> {
  const page = deps.intake.readArticle(resource);
  const origin = { kind: "url" as const, ref: follow.url };
  const by = `follow:${follow.id}`;
  const existing = follow.articleId
    ? await deps.library.get(follow.guildId, follow.articleId).catch((error) => {
        if (error instanceof NotFoundError) return undefined; // deleted from the library: start again
        throw error;
      })
    : undefined;
  if (!existing) {
    const added = await deps.library.add({
      guildId: follow.guildId,
      text: page.text,
      title: page.title,
      origin,
      addedBy: by,
    });
    return {
      follow: { ...follow, articleId: added.article.id, title: added.article.title },
      events: [],
      outcome: "new-version",
    };
  }
  const updated = await deps.library.update({
    guildId: follow.guildId,
    id: existing.id,
    text: page.text,
    origin,
    addedBy: by,
  });
  if (updated.unchanged) return { follow, events: [], outcome: "unchanged" };
  const to = updated.version.version;
  const { diff } = await deps.library.diff(follow.guildId, existing.id, to - 1, to);
  const change = substantiveChange(diff);
  if (!change) return { follow, events: [], outcome: "new-version" };
  const previous = (await deps.library.version(follow.guildId, existing.id, to - 1)).stored.digest;
  return {
    follow,
    events: [
      {
        kind: "changed",
        article: updated.article,
        from: to - 1,
        to,
        change,
        previous,
        digest: updated.digest,
      },
    ],
    outcome: "changed",
  };
}

async function readFeedItems(
  follow: Follow,
  resource: FetchedResource,
  deps: CheckDeps,
): Promise<CheckResult> {
  const feed = deps.intake.readFeed(resource);
  if (!feed) throw new UserError("The link no longer answers with a feed.");
  const seen = new Set(follow.seenItems);
  const fresh = feed.items.filter((item) => !seen.has(item.id));
  const firstRead = follow.seenItems.length === 0 && follow.lastCheckedAt === undefined;
  // Feeds list the newest first; the newest few are read, oldest of them first.
  const chosen = fresh.slice(0, firstRead ? FIRST_READ_ITEMS : ITEMS_PER_CHECK).reverse();
  const items: { article: Article; digest: Digest; link?: string }[] = [];
  for (const item of chosen) {
    const text = await itemText(item.link, item.text, deps.intake);
    if (!text) continue;
    const added = await deps.library.add({
      guildId: follow.guildId,
      text,
      ...(item.title ? { title: item.title } : {}),
      origin: { kind: "url", ref: item.link ?? follow.url },
      addedBy: `follow:${follow.id}`,
    });
    items.push({ article: added.article, digest: added.digest, ...(item.link ? { link: item.link } : {}) });
  }
  const seenItems = [...follow.seenItems, ...fresh.map((i) => i.id).reverse()].slice(-SEEN_ITEMS_KEPT);
  const next = { ...follow, seenItems, ...(feed.title && !follow.title ? { title: feed.title } : {}) };
  return items.length > 0
    ? { follow: next, events: [{ kind: "new-items", items }], outcome: "new-items" }
    : { follow: next, events: [], outcome: "unchanged" };
}

/** An item's article from its link; the item's own text when the link cannot be read. */
async function itemText(
  link: string | undefined,
  own: string | undefined,
  intake: Intake,
): Promise<string | undefined> {
  if (link) {
    try {
      const resource = await intake.fetch(link);
      if (resource.status === 200) return intake.readArticle(resource).text;
    } catch {
      // fall back to the item's own text
    }
  }
  return own && own.trim().length > 0 ? own : undefined;
}
