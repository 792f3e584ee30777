import Keyv from "keyv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArticleFromLink } from "../commands/article.ts";
import { followEventPost, followList } from "../commands/follow.ts";
import { openServices, type Services } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { FollowRunner } from "../src/follow/runner.ts";
import type { Follow } from "../src/follow/schema.ts";
import { KeyvFollowStore } from "../src/follow/store.ts";
import { createLogger } from "../src/log.ts";
import { renderReplyText } from "../src/render/reply-text.ts";
import { newFollow } from "./support/follows.ts";
import { StorySite, storyPage } from "./support/story-site.ts";

// Everything through the real intake (SSRF-safe fetcher, readability, feedsmith) against a local site.
const site = new StorySite();
let services: Services;
beforeAll(async () => {
  await site.start();
  services = await openServices(
    loadConfig({ STORE_URL: "memory", FETCH_ALLOW_HOSTS: site.allowHost }),
    createLogger("silent"),
    { cache: true },
  );
});
afterAll(async () => {
  await services.close();
  await site.stop();
});

function followHarness(guildId: string) {
  const posts: string[] = [];
  let now = new Date("2030-01-01T00:00:00Z");
  // Each test's follows in a store of their own: a tick checks every follow in its store.
  const store = new KeyvFollowStore(new Keyv(), 1000);
  const runner = new FollowRunner({
    store,
    library: services.library ?? (undefined as never),
    intake: services.intake,
    lease: services.lease,
    poster: { post: async (_channel, reply) => void posts.push(renderReplyText(reply)) },
    render: followEventPost,
    log: createLogger("silent"),
    now: () => now,
    random: () => 0.5,
  });
  const follow = async (path: string, kind: Follow["kind"]): Promise<Follow> => {
    const f = newFollow(now, {
      id: `${kind}${path.replace(/[^a-z]/g, "")}`.slice(0, 12).padEnd(6, "0"),
      guildId,
      url: site.url(path),
      kind,
    });
    await store.save(f);
    return f;
  };
  const later = async (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
    return runner.tick();
  };
  return { posts, follow, later, store };
}

const ctx = (guildId: string) => ({
  library: services.library ?? (undefined as never),
  guildId,
  channelId: "c1",
  actor: "test:u1",
});

describe("articles by link", () => {
  it("adds a page's article, without the page's menus and footer, and digests it", async () => {
    site.set("/story", storyPage("story-v1"));
    const reply = renderReplyText(
      await addArticleFromLink(ctx("g-add"), services.intake, site.url("/story")),
    );
    expect(reply).toMatch(/Added van-driver-kills-two/);
    const [article] = (await services.library?.list("g-add")) ?? [];
    expect(article?.versions[0]?.origin).toEqual({ kind: "url", ref: site.url("/story") });
    const { stored } = (await services.library?.version("g-add", article?.id ?? "")) ?? {};
    expect(stored?.text).toMatch(
      /Local media reported that the driver was a 34-year-old man named John Dorsey\./,
    );
    expect(stored?.text).not.toMatch(/Subscribe|All rights reserved|Share this story/);
    expect(
      stored?.digest.statements.some((s) => s.status === "unconfirmed" && /John Dorsey/.test(s.claim)),
    ).toBe(true);
  });

  it("says so when a link holds no article", async () => {
    site.set("/empty", "<html><body><nav><a href='/'>Home</a></nav><p>Log in</p></body></html>");
    await expect(addArticleFromLink(ctx("g-none"), services.intake, site.url("/empty"))).rejects.toThrow(
      /No readable article/i,
    );
    expect(await services.library?.list("g-none")).toEqual([]);
  });
});

describe("following a live page", () => {
  it("a page updated three times: versions stored, no post for a cosmetic edit, one post when the identity is confirmed", async () => {
    const h = followHarness("g-page");
    site.set("/live", storyPage("story-v1"));
    const f = await h.follow("/live", "page");
    await h.later(0);
    await h.later(5); // unchanged: a conditional request answered 304
    const conditional = site.requests.filter((r) => r.path === "/live" && r.status === 304);
    expect(conditional.length).toBeGreaterThan(0);
    expect(conditional[0]?.headers["if-none-match"]).toBeDefined();
    expect(conditional[0]?.headers["if-modified-since"]).toBeDefined();
    site.set("/live", storyPage("story-v2-cosmetic"));
    await h.later(5);
    expect(h.posts).toEqual([]);
    site.set("/live", storyPage("story-v3-confirmed"));
    await h.later(5);
    site.set("/live", storyPage("story-v4-hospital"));
    await h.later(5);
    const saved = await h.store.get("g-page", f.id);
    const article = await services.library?.get("g-page", saved?.articleId ?? "");
    expect(article?.versions).toHaveLength(4);
    expect(h.posts).toHaveLength(2);
    expect(h.posts[0]).toMatch(/Now confirmed[\s\S]*John Dorsey[\s\S]*city prosecutor/);
    expect(h.posts[1]).toMatch(/New[\s\S]*critical condition[\s\S]*city hospital/);
    expect(h.posts.join("\n")).not.toMatch(/@everyone|<@/);
  });

  it("a failing page backs off, shows as failing in /follow list, then pauses and says so once", async () => {
    const h = followHarness("g-fail");
    site.set("/flaky", storyPage("story-v1"));
    const f = await h.follow("/flaky", "page");
    await h.later(0);
    site.failing = true;
    try {
      await h.later(6);
      const listed = renderReplyText(followList(await h.store.list("g-fail")));
      expect(listed).toMatch(/failing \(1 in a row: the site answered 503/i);
      for (let i = 0; i < 8; i++) await h.later(400);
      const saved = await h.store.get("g-fail", f.id);
      expect(saved?.paused?.reason).toMatch(/5 checks in a row failed/);
      expect(h.posts).toHaveLength(1);
      expect(h.posts[0]).toMatch(/Stopped following a story/);
    } finally {
      site.failing = false;
    }
  });
});

describe("following a feed", () => {
  const rss = (items: [string, string][]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Daily: city</title><link>${site.url("/")}</link><description>City news</description>${items
      .map(
        ([id, title]) =>
          `<item><guid>${id}</guid><title>${title}</title><link>${site.url(`/items/${id}`)}</link><description>${title}</description></item>`,
      )
      .join("")}</channel></rss>`;

  it("adds each new item to the library once", async () => {
    const h = followHarness("g-feed");
    site.set("/items/one", storyPage("story-v1"));
    site.set("/items/two", storyPage("story-v4-hospital"));
    site.set("/feed.xml", rss([["one", "Van driver kills two"]]), "application/rss+xml");
    await h.follow("/feed.xml", "feed");
    await h.later(0);
    site.set(
      "/feed.xml",
      rss([
        ["two", "Hospital: three critical"],
        ["one", "Van driver kills two"],
      ]),
      "application/rss+xml",
    );
    await h.later(5);
    await h.later(5);
    const titles = ((await services.library?.list("g-feed")) ?? []).map((a) => a.title);
    expect(titles).toEqual(["Van driver kills two", "Hospital: three critical"]);
    expect(h.posts).toHaveLength(2);
    expect(h.posts[1]).toMatch(/Hospital: three critical/);
  });
});
