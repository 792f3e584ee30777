import { readFileSync } from "node:fs";
import { InteractionType } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fitsLimits } from "../../src/discord/paginate.ts";
import { signLink } from "../../src/web/link-token.ts";
import { createWebApp } from "../../src/web/server.ts";
import { sampleText } from "./paths.ts";

const followUpText = () =>
  readFileSync(new URL("../fixtures/sample-breaking-news-followup.txt", import.meta.url), "utf8");

import { addByAttachment, allPages, embedText, replyTo, slash, startTwin, type TwinHarness } from "./twin.ts";

/**
 * Every command, as reporters and editors use them in a channel of the local fake Discord. Run once per
 * way interactions reach the bot: the gateway, and HTTP (signed POSTs to /interactions).
 */
export function commandSuite(mode: "gateway" | "http"): void {
  let t: TwinHarness;
  let sampleId = "";
  let addCallbackType = 0;

  // The web view is on: replies carry signed links to it (the page itself is tested in web-view.test.ts).
  const WEB_SECRET = "an-e2e-secret-of-at-least-32-characters";
  const WEB_BASE = "http://newsdesk.test";

  beforeAll(async () => {
    t = await startTwin(
      {},
      {
        mode,
        linkFor: (guildId, articleId, version) =>
          `${WEB_BASE}/v/${signLink({ guildId, articleId, version, expiresAt: Date.now() + 3_600_000 }, WEB_SECRET)}`,
      },
    );
    const added = await addByAttachment(t, t.editorId, "champs.txt", sampleText(), "Paris shooting");
    const reply = await replyTo(t, added.id);
    addCallbackType = reply.callbackType;
    sampleId = /Added ([a-z0-9-]+)/.exec(reply.embed.title ?? "")?.[1] ?? "";
    const use = await slash(t, t.editorId, "article", [
      { name: "use", type: 1, options: [{ name: "article", type: 3, value: sampleId }] },
    ]);
    await replyTo(t, use.id);
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
  });

  describe(`Newsdesk in a Discord channel (local fake Discord, ${mode} mode)`, () => {
    it("adds the sample article from a .txt attachment, deferring while it downloads and digests", () => {
      expect(sampleId).toBe("paris-shooting");
      expect(addCallbackType).toBe(5);
    });

    it("/summary gives the headline, the counts and the sources, answering a cache hit at once", async () => {
      const run = await slash(t, t.reporterId, "summary");
      const { embed, callbackType } = await replyTo(t, run.id);
      expect(embed.title).toBe("Paris police say officer and attacker shot, killed");
      expect(embedText(embed)).toMatch(/\d+ confirmed · \d+ unconfirmed · \d+ disputed · \d+ open questions/);
      expect(callbackType).toBe(4);
    });

    it("/summary and /brief link to the full digest of the article's version, and the link opens it", async () => {
      for (const name of ["summary", "brief"]) {
        // A long reply is paged: the link is on its last page.
        const first = await replyTo(t, (await slash(t, t.reporterId, name)).id);
        const shown = (await allPages(t, t.reporterId, first)).map(embedText).join("\n");
        const link = /Open the full digest: (\S+)/.exec(shown)?.[1] ?? "";
        expect(link.startsWith(`${WEB_BASE}/v/`), name).toBe(true);
        if (!t.services.library) throw new Error("no library");
        const page = await createWebApp({ library: t.services.library, secret: WEB_SECRET }).request(
          link.slice(WEB_BASE.length),
        );
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("Paris shooting");
      }
    });

    it("/confirmed never lists the attacker's identity; /unconfirmed shows it as an open question", async () => {
      const confirmed = await replyTo(t, (await slash(t, t.reporterId, "confirmed")).id);
      const unconfirmed = await replyTo(t, (await slash(t, t.reporterId, "unconfirmed")).id);
      const confirmedText = (await allPages(t, t.reporterId, confirmed)).map(embedText).join("\n");
      const unconfirmedText = (await allPages(t, t.reporterId, unconfirmed)).map(embedText).join("\n");
      expect(confirmedText).not.toMatch(/identity/);
      expect(unconfirmedText).toMatch(/Open questions[\s\S]*attacker.s identity[\s\S]*Disputed/);
    });

    it("/sources shows one Interior Ministry spokesman with both spellings", async () => {
      const { embed } = await replyTo(t, (await slash(t, t.reporterId, "sources")).id);
      const spokesman = (embed.fields ?? []).filter((f) => /Pierre-Henr/.test(f.name));
      expect(spokesman).toHaveLength(1);
      expect(spokesman[0]?.value).toMatch(/Pierre-Henri Brandit/);
      expect(spokesman[0]?.name).toMatch(/Pierre-Henry Brandet/);
    });

    it("/ask answers with a status and cites the paragraph", async () => {
      const run = await slash(t, t.reporterId, "ask", [
        { name: "question", type: 3, value: "Who claimed responsibility?" },
      ]);
      const { embed } = await replyTo(t, run.id);
      expect(embed.description).toMatch(/Unconfirmed/);
      expect(embed.footer?.text).toMatch(/¶8/);
    });

    it("a user without Manage Messages cannot add articles, and the library is unchanged", async () => {
      const before = await t.services.library?.list(t.discord.guildId);
      const attempt = await addByAttachment(
        t,
        t.reporterId,
        "mine.txt",
        "My story\n\nThe council said the road reopened.",
      );
      const { embed, message } = await replyTo(t, attempt.id);
      expect(embed.description).toMatch(/Manage Messages/);
      expect(message.flags ?? 0).toBe(64);
      expect(await t.services.library?.list(t.discord.guildId)).toEqual(before);
    });

    it("an article containing @everyone and mentions pings nobody", async () => {
      const text =
        "Council vote delayed @everyone\n\nThe council said the vote was delayed to Friday, @here <@&123456789> <@42> **urgent**.\n\n# Not a heading";
      const added = await addByAttachment(t, t.editorId, "ping.txt", text);
      const id = /Added ([a-z0-9-]+)/.exec((await replyTo(t, added.id)).embed.title ?? "")?.[1] ?? "";
      const run = await slash(t, t.reporterId, "brief", [{ name: "article", type: 3, value: id }]);
      const { embed } = await replyTo(t, run.id);
      const shown = embedText(embed);
      expect(shown).toContain("delayed to Friday");
      expect(shown).not.toMatch(/@everyone|@here|<@&?\d+>/);
      expect(shown).toContain("\\*\\*urgent\\*\\*");
      // Every message the bot sent said: mention nobody.
      const messages = t.sentBodies.filter((b) => "embeds" in b.body || "data" in b.body);
      expect(messages.length).toBeGreaterThan(0);
      for (const { body } of messages) {
        const payload = (body.data ?? body) as { allowed_mentions?: { parse?: unknown[] } };
        if (!("embeds" in payload)) continue;
        expect(payload.allowed_mentions?.parse).toEqual([]);
      }
    });

    it("pages a 40-paragraph article within Discord's limits, never cutting a sentence", async () => {
      const paragraphs = Array.from(
        { length: 40 },
        (_, i) =>
          `Officials said road number ${i + 1} in the northern district would stay closed until engineers finish checking the bridge supports and drainage after the storm. Crews worked through the night on section ${i + 1}.`,
      );
      const text = ["Storm closes forty roads across the north", ...paragraphs].join("\n\n");
      const added = await addByAttachment(t, t.editorId, "storm.txt", text);
      const id = /Added ([a-z0-9-]+)/.exec((await replyTo(t, added.id)).embed.title ?? "")?.[1] ?? "";
      const first = await replyTo(
        t,
        (await slash(t, t.reporterId, "brief", [{ name: "article", type: 3, value: id }])).id,
      );
      const pages = await allPages(t, t.reporterId, first);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((p, i) => {
        expect(p.footer?.text).toMatch(new RegExp(`^Page ${i + 1}/${pages.length}`));
        expect(
          fitsLimits({
            title: p.title ?? "",
            color: 0,
            fields: p.fields ?? [],
            description: p.description ?? "",
            footer: p.footer?.text ?? "",
          }),
        ).toBe(true);
        // Each page starts with a whole line and ends at the end of one (the last page with the link).
        const text = (p.description ?? "").replace(/\n*\*\*Full digest\*\*\nOpen the full digest: \S+$/, "");
        expect(text).toMatch(/^(• |\*\*What we)/);
        expect(text).toMatch(/\)$/);
      });
      expect(pages.at(-1)?.description).toMatch(/\*\*Full digest\*\*\nOpen the full digest: http\S+$/);
      const all = pages.map((p) => p.description).join("\n");
      for (let n = 1; n <= 40; n++) expect(all).toContain(`road number ${n} in the northern district`);
    });

    it("autocompletes the article option from the guild's library", async () => {
      const run = await t.discord.simulateInteraction({
        type: InteractionType.ApplicationCommandAutocomplete,
        channelId: t.channelId,
        userId: t.reporterId,
        data: {
          id: "1",
          name: "summary",
          type: 1,
          options: [{ name: "article", type: 3, value: "paris", focused: true }],
        },
      });
      const response = await t.discord.channel(t.channelId).waitForInteractionAck({ interactionId: run.id });
      const stored = await t.discord.channel(t.channelId).getInteractionResponse(run.id);
      expect(response.type).toBe(8);
      expect(JSON.parse(stored?.data ?? "{}").choices).toEqual([
        { name: "Paris shooting", value: "paris-shooting" },
      ]);
    });

    it("/article add without a file opens a form, and the pasted text becomes an article", async () => {
      const open = await slash(t, t.editorId, "article", [{ name: "add", type: 1, options: [] }]);
      const ack = await t.discord.channel(t.channelId).waitForInteractionAck({ interactionId: open.id });
      expect(ack.type).toBe(9);
      const submit = await t.discord
        .channel(t.channelId)
        .user(t.editorId)
        .submitModal({
          customId: "article-add",
          fields: [
            { customId: "title", value: "Pasted story" },
            { customId: "text", value: "Bridge reopens\n\nThe council said the bridge reopened on Monday." },
          ],
        });
      const { embed } = await replyTo(t, submit.id);
      expect(embed.title).toBe("Added pasted-story");
    });

    it("shows a short generic message for an internal error and logs it with the command and user", async () => {
      const library = t.services.library;
      if (!library) throw new Error("no library");
      const spy = vi
        .spyOn(library, "list")
        .mockRejectedValueOnce(new Error("SQLITE_CORRUPT: secret internals"));
      const run = await slash(t, t.editorId, "article", [{ name: "list", type: 1, options: [] }]);
      const { embed } = await replyTo(t, run.id);
      spy.mockRestore();
      expect(embed.description).toMatch(/Something went wrong/);
      expect(embedText(embed)).not.toMatch(/SQLITE|secret/);
      const logged = t.logs.lines.find((l) => l.msg === "interaction failed");
      expect(logged).toMatchObject({ command: "article list", user: t.editorId });
    });

    it("/digest schedule posts into the channel on its run, shows an update's changes, and stops when unscheduled", async () => {
      const scheduler = t.bot.scheduler;
      if (!scheduler) throw new Error("no scheduler");
      const create = await slash(t, t.editorId, "digest", [
        {
          name: "schedule",
          type: 1,
          options: [
            { name: "cron", type: 3, value: "*/30 * * * *" },
            { name: "timezone", type: 3, value: "Europe/Paris" },
          ],
        },
      ]);
      const created = await replyTo(t, create.id);
      const id = /Scheduled ([a-z0-9]+)/.exec(created.embed.title ?? "")?.[1] ?? "";
      expect(id).not.toBe("");
      const bad = await replyTo(
        t,
        (
          await slash(t, t.editorId, "digest", [
            { name: "schedule", type: 1, options: [{ name: "cron", type: 3, value: "every now and then" }] },
          ])
        ).id,
      );
      expect(bad.embed.description).toMatch(/not a cron expression/);

      const posted = async (at: Date) => {
        const before = new Set((await t.discord.channel(t.channelId).getMessages()).map((m) => m.id));
        await scheduler.tick(at);
        return (await t.discord.channel(t.channelId).getMessages()).filter((m) => !before.has(m.id));
      };
      const soon = new Date(Date.now() + 31 * 60_000);
      const first = await posted(soon);
      const firstText = first.map((m) => embedText(m.embeds[0] ?? {})).join("\n");
      expect(firstText).toMatch(/What we know[\s\S]*What we don't know/);
      expect(firstText).not.toMatch(/What changed/);

      const update = await t.services.library?.update({
        guildId: t.discord.guildId,
        id: sampleId,
        text: followUpText(),
        origin: { kind: "paste" },
        addedBy: "test",
      });
      expect(update?.version.version).toBe(2);
      const second = await posted(new Date(soon.getTime() + 30 * 60_000));
      expect(
        second.some((m) => m.embeds[0]?.title === "What changed since the last post (version 1 → 2)"),
      ).toBe(true);

      const list = await replyTo(
        t,
        (await slash(t, t.reporterId, "digest", [{ name: "schedules", type: 1, options: [] }])).id,
      );
      expect(list.embed.description).toContain(id);
      await replyTo(
        t,
        (
          await slash(t, t.editorId, "digest", [
            { name: "unschedule", type: 1, options: [{ name: "id", type: 3, value: id }] },
          ])
        ).id,
      );
      expect(await posted(new Date(soon.getTime() + 120 * 60_000))).toHaveLength(0);
    });

    it("pauses a schedule whose channel is gone, and /digest schedules says why", async () => {
      const scheduler = t.bot.scheduler;
      const schedules = t.services.schedules;
      if (!scheduler || !schedules) throw new Error("no scheduler");
      const past = new Date(Date.now() - 3_600_000).toISOString();
      await schedules.save({
        id: "gone0001",
        guildId: t.discord.guildId,
        channelId: "123456789012345678",
        articleId: sampleId,
        cron: "*/30 * * * *",
        timezone: "UTC",
        onlyChanges: false,
        createdBy: "test",
        createdAt: past,
        lastRunAt: past,
      });
      const outcomes = await scheduler.tick(new Date());
      expect(outcomes.get("gone0001")).toBe("paused");
      expect(t.logs.lines.some((l) => l.msg === "schedule paused" && l.schedule === "gone0001")).toBe(true);
      const list = await replyTo(
        t,
        (await slash(t, t.reporterId, "digest", [{ name: "schedules", type: 1, options: [] }])).id,
      );
      expect(list.embed.description).toMatch(
        /gone0001[^\n]*paused: the bot can no longer post in channel 123456789012345678/,
      );
      expect((await scheduler.tick(new Date(Date.now() + 3_600_000))).has("gone0001")).toBe(false);
    });
  });
}
