import { readFileSync } from "node:fs";
import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { followEventPost } from "../commands/follow.ts";
import { OfflineEngine } from "../src/engine/offline.ts";
import { FetchRefusedError } from "../src/errors.ts";
import { FollowRunner } from "../src/follow/runner.ts";
import type { Follow } from "../src/follow/schema.ts";
import { KeyvFollowStore } from "../src/follow/store.ts";
import type { FetchedResource, Intake } from "../src/intake/types.ts";
import { KeyvArticleLibrary } from "../src/library/library.ts";
import { renderReplyText } from "../src/render/reply-text.ts";
import type { Reply } from "../src/reply.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { KeyvDigestStore } from "../src/store/digest-store.ts";
import { MemoryLease } from "../src/store/lease.ts";
import { newFollow } from "./support/follows.ts";
import { capturingLogger } from "./support/log-capture.ts";

const story = (name: string) =>
  readFileSync(new URL(`./fixtures/follow/${name}.txt`, import.meta.url), "utf8");

/** A site in memory: pages as plain text with an ETag each, and a switch to make it fail. */
class FakeSite implements Intake {
  pages = new Map<string, string>();
  failing = false;
  requests: { url: string; etag?: string }[] = [];

  async fetch(url: string, conditional?: { etag?: string }): Promise<FetchedResource> {
    this.requests.push({ url, ...(conditional?.etag ? { etag: conditional.etag } : {}) });
    if (this.failing) throw new FetchRefusedError("the site answered 503 Service Unavailable");
    const body = this.pages.get(url);
    if (body === undefined) throw new FetchRefusedError("the site answered 404 Not Found");
    const etag = `"${body.length}-${body.charCodeAt(body.length - 2)}"`;
    if (conditional?.etag === etag) return { url, status: 304, contentType: "", body: "", etag };
    return { url, status: 200, contentType: "text/plain", body, etag };
  }

  readArticle(r: FetchedResource) {
    return { title: r.body.split("\n")[0] ?? "", text: r.body };
  }

  readFeed(r: FetchedResource) {
    if (!r.body.startsWith("FEED")) return undefined;
    const items = r.body
      .split("\n")
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const [id = "", title = "", link = ""] = l.split("|");
        return { id, title, link };
      });
    return { title: "Harbor wire", items };
  }
}

function harness() {
  const log = capturingLogger().log;
  const digests = new DigestService({
    engine: new OfflineEngine(),
    store: new KeyvDigestStore(new Keyv()),
    log,
    timeoutMs: 1000,
  });
  const library = new KeyvArticleLibrary(new Keyv(), digests, 1000);
  const store = new KeyvFollowStore(new Keyv(), 1000);
  const site = new FakeSite();
  const posts: { channel: string; text: string }[] = [];
  let now = new Date("2026-11-26T10:00:00Z");
  const runner = new FollowRunner({
    store,
    library,
    intake: site,
    lease: new MemoryLease(),
    poster: {
      post: async (channel: string, reply: Reply) =>
        void posts.push({ channel, text: renderReplyText(reply) }),
    },
    render: followEventPost,
    log,
    now: () => now,
    random: () => 0.5,
  });
  const follow = (over: Partial<Follow> = {}): Follow => newFollow(now, over);
  const later = async (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
    return runner.tick();
  };
  return { site, store, library, posts, follow, later, runner };
}

describe("following a page", () => {
  it("stores each new version and posts only what a reporter needs: nothing for a cosmetic edit, the confirmation when it comes", async () => {
    const h = harness();
    const url = "https://news.example.test/live";
    h.site.pages.set(url, story("story-v1"));
    await h.store.save(h.follow());
    expect([...(await h.later(0))]).toEqual([["abc123", "new-version"]]);
    // Unchanged: the validators make it a 304, no new version, no post.
    expect([...(await h.later(5))]).toEqual([["abc123", "unchanged"]]);
    expect(h.site.requests.at(-1)?.etag).toBeDefined();
    h.site.pages.set(url, story("story-v2-cosmetic"));
    expect([...(await h.later(5))]).toEqual([["abc123", "new-version"]]);
    h.site.pages.set(url, story("story-v3-confirmed"));
    expect([...(await h.later(5))]).toEqual([["abc123", "changed"]]);

    const followed = await h.store.get("g1", "abc123");
    const article = await h.library.get("g1", followed.articleId ?? "");
    expect(article.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(article.versions[0]?.origin).toEqual({ kind: "url", ref: url });
    expect(h.posts).toHaveLength(1);
    const post = h.posts[0]?.text ?? "";
    expect(post).toMatch(/Now confirmed/);
    expect(post).toMatch(/John Dorsey.*city prosecutor.*\(¶2\).*was unconfirmed/);
    expect(post).toMatch(/New sources[\s\S]*city prosecutor/);
    expect(h.posts[0]?.channel).toBe("c1");
  });

  it("a failing link backs off, shows as failing, then pauses and says so in the channel once", async () => {
    const h = harness();
    h.site.failing = true;
    await h.store.save(h.follow());
    await h.later(0);
    let f = await h.store.get("g1", "abc123");
    expect(f.failures).toBe(1);
    expect(f.lastError).toMatch(/503/);
    // Backoff: twice the interval after one failure, so five minutes later it is not due yet.
    expect(new Date(f.nextCheckAt).getTime() - new Date(f.lastCheckedAt ?? 0).getTime()).toBe(10 * 60_000);
    expect((await h.later(5)).size).toBe(0);
    for (let i = 0; i < 10 && !f.paused; i++) {
      await h.later(400);
      f = await h.store.get("g1", "abc123");
    }
    expect(f.failures).toBe(5);
    expect(f.paused?.reason).toMatch(/5 checks in a row failed.*503/);
    await h.later(600);
    expect(h.posts.map((p) => p.text.split("\n")[0])).toEqual(["== Stopped following a story =="]);
  });
});

describe("following a feed", () => {
  it("adds each new item to the library once and posts it", async () => {
    const h = harness();
    const feedUrl = "https://news.example.test/feed";
    h.site.pages.set("https://news.example.test/a", story("story-v1"));
    h.site.pages.set("https://news.example.test/b", story("story-v3-confirmed"));
    h.site.pages.set(feedUrl, "FEED\na|Van driver kills two|https://news.example.test/a\n");
    await h.store.save(h.follow({ url: feedUrl, kind: "feed" }));
    await h.later(0);
    h.site.pages.set(
      feedUrl,
      "FEED\nb|Prosecutor names driver|https://news.example.test/b\na|Van driver kills two|https://news.example.test/a\n",
    );
    await h.later(5);
    await h.later(5); // the same items again: nothing new
    const titles = (await h.library.list("g1")).map((a) => a.title);
    expect(titles).toEqual(["Van driver kills two", "Prosecutor names driver"]);
    expect(h.posts).toHaveLength(2);
    expect(h.posts[1]?.text).toMatch(/New in Harbor wire[\s\S]*Prosecutor names driver/);
  });
});
