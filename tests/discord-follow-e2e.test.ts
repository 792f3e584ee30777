import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorySite, storyPage } from "./support/story-site.ts";
import { embedText, replyTo, slash, startTwin, type TwinHarness } from "./support/twin.ts";

// The bot in a local fake Discord, reading links from a local site on 127.0.0.1 (allow-listed).
const site = new StorySite();
let t: TwinHarness;

beforeAll(async () => {
  await site.start();
  t = await startTwin({ FETCH_ALLOW_HOSTS: site.allowHost });
}, 60_000);

afterAll(async () => {
  await t?.stop();
  await site.stop();
});

describe("articles by link and followed stories in a Discord channel", () => {
  it("/article add url: fetches the page, and /summary answers from it", async () => {
    site.set("/story", storyPage("story-v1"));
    const add = await replyTo(
      t,
      (
        await slash(t, t.editorId, "article", [
          { name: "add", type: 1, options: [{ name: "url", type: 3, value: site.url("/story") }] },
        ])
      ).id,
    );
    const id = /Added ([a-z0-9-]+)/.exec(add.embed.title ?? "")?.[1] ?? "";
    expect(id).toMatch(/^van-driver-kills-two/);
    await replyTo(
      t,
      (
        await slash(t, t.editorId, "article", [
          { name: "use", type: 1, options: [{ name: "article", type: 3, value: id }] },
        ])
      ).id,
    );
    const summary = await replyTo(t, (await slash(t, t.reporterId, "summary")).id);
    expect(summary.embed.title).toBe("Van driver kills two in Harbor City square");
    expect(embedText(summary.embed)).toMatch(/John Dorsey|Local media/);
  });

  it("refuses a link to a private address, and a reporter cannot follow", async () => {
    const refused = await replyTo(
      t,
      (
        await slash(t, t.editorId, "article", [
          {
            name: "add",
            type: 1,
            options: [{ name: "url", type: 3, value: "http://169.254.169.254/latest/meta-data" }],
          },
        ])
      ).id,
    );
    expect(refused.embed.description).toMatch(/private or local network address/);
    const denied = await slash(t, t.reporterId, "follow", [
      { name: "add", type: 1, options: [{ name: "url_or_feed", type: 3, value: site.url("/story") }] },
    ]);
    expect((await replyTo(t, denied.id)).embed.description).toMatch(/Manage Messages/);
    expect(await t.services.follows?.list(t.discord.guildId)).toEqual([]);
  });

  it("/follow add on a changing page posts the change into the channel", async () => {
    site.set("/live", storyPage("story-v1"));
    const added = await replyTo(
      t,
      (
        await slash(t, t.editorId, "follow", [
          {
            name: "add",
            type: 1,
            options: [
              { name: "url_or_feed", type: 3, value: site.url("/live") },
              { name: "every", type: 4, value: 1 },
            ],
          },
        ])
      ).id,
    );
    expect(added.embed.title).toMatch(/^Following [a-z0-9]+$/);
    expect(added.embed.description).toMatch(/Version 1 is in the library/);
    const [follow] = (await t.services.follows?.list(t.discord.guildId)) ?? [];
    if (!follow || !t.bot.followRunner) throw new Error("no follow or runner");

    site.set("/live", storyPage("story-v3-confirmed"));
    const before = new Set((await t.discord.channel(t.channelId).getMessages()).map((m) => m.id));
    await t.bot.followRunner.runDue(follow, true);
    const posted = (await t.discord.channel(t.channelId).getMessages()).filter((m) => !before.has(m.id));
    expect(posted).toHaveLength(1);
    const text = embedText(posted[0]?.embeds[0] ?? {});
    expect(text).toMatch(/Update: Van driver kills two/);
    expect(text).toMatch(/Now confirmed[\s\S]*John Dorsey[\s\S]*city prosecutor/);

    const again = await replyTo(
      t,
      (
        await slash(t, t.editorId, "follow", [
          { name: "add", type: 1, options: [{ name: "url_or_feed", type: 3, value: site.url("/live") }] },
        ])
      ).id,
    );
    expect(again.embed.description).toContain(`already followed into <#${t.channelId}> as \`${follow.id}\``);
    const list = await replyTo(
      t,
      (await slash(t, t.reporterId, "follow", [{ name: "list", type: 1, options: [] }])).id,
    );
    expect(list.embed.description).toContain(follow.id);
  });
});
