import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { articleDefinition } from "../commands/article.ts";
import { digestCommands } from "../commands/index.ts";
import { offlineAnswerer } from "../src/ask/answerer.ts";
import { commandPayload } from "../src/discord/definitions.ts";
import { LIMITS } from "../src/discord/limits.ts";
import { NO_MENTIONS, PageViews, pagePayload } from "../src/discord/pages.ts";
import { fitsLimits, paginate } from "../src/discord/paginate.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { safe } from "../src/render/safe-text.ts";
import { KeyvViewStore } from "../src/store/view-store.ts";
import { sampleText } from "./support/paths.ts";

const digest = digestArticle(sampleText());
const tools = { answerer: offlineAnswerer };
const sentence = (i: number) => `Statement number ${i} is a complete sentence about the story. `;

describe("paging within Discord's limits", () => {
  it("keeps a short answer on one page as it is", () => {
    const pages = paginate({
      title: "T",
      description: "short",
      color: 1,
      fields: [{ name: "a", value: "b" }],
    });
    expect(pages).toEqual([
      { title: "T", description: "short", color: 1, fields: [{ name: "a", value: "b" }] },
    ]);
  });

  it("splits long descriptions, long fields and too many fields into numbered pages that all fit", () => {
    const longLines = Array.from({ length: 200 }, (_, i) => `• ${sentence(i).trim()}`).join("\n");
    const manyFields = Array.from({ length: 40 }, (_, i) => ({
      name: `Field ${i}`,
      value: sentence(i).repeat(30),
    }));
    for (const embed of [
      { title: "Long", description: longLines, color: 1, fields: [] },
      { title: "Fields", color: 1, fields: manyFields, footer: "see /unconfirmed" },
    ]) {
      const pages = paginate(embed);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((p, i) => {
        expect(fitsLimits(p)).toBe(true);
        expect(p.footer).toMatch(new RegExp(`^Page ${i + 1}/${pages.length}`));
      });
      const text = pages.map((p) => p.description).join("\n");
      for (let i = 0; i < 40; i++)
        expect(text).toContain(`Statement number ${i} is a complete sentence about the story.`);
    }
  });

  it("cuts an overlong single line between sentences, never inside one", () => {
    const line = Array.from({ length: 400 }, (_, i) => sentence(i)).join("");
    const pages = paginate({ title: "One line", description: line, color: 1, fields: [] });
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages)
      expect(p.description).toMatch(
        /^Statement number \d+ is a complete sentence about the story\.$|story\.$/,
      );
    for (const p of pages) expect(p.description?.startsWith("Statement number")).toBe(true);
  });

  it("shortens an overlong title at a word boundary", () => {
    const [page] = paginate({ title: "word ".repeat(100), color: 1, fields: [] });
    expect(page?.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(page?.title.endsWith("…")).toBe(true);
  });

  it("adds page buttons only when there is more than one page, and never allows mentions", async () => {
    const views = new PageViews();
    const pages = paginate({ title: "Long", description: "x\n".repeat(5000), color: 1, fields: [] });
    const viewId = await views.save(pages);
    const first = pagePayload(pages, 0, viewId);
    expect(first.components[0]?.components.map((c) => c.disabled)).toEqual([true, false]);
    expect(first.allowedMentions).toEqual(NO_MENTIONS);
    expect(pagePayload(pages.slice(0, 1), 0).components).toEqual([]);
    expect(await views.get(viewId)).toBe(pages);
  });

  it("keeps paged answers in the shared store, so another process can turn the page", async () => {
    const shared = new Keyv();
    const sender = new PageViews(new KeyvViewStore(shared, 500));
    const other = new PageViews(new KeyvViewStore(shared, 500));
    const pages = paginate({ title: "Long", description: "y\n".repeat(5000), color: 1, fields: [] });
    const viewId = await sender.save(pages);
    expect(await other.get(viewId)).toEqual(pages);
    expect(await other.get("no-such-view")).toBeUndefined();
  });
});

describe("article text is data", () => {
  it("neutralises mentions and escapes markdown", () => {
    expect(safe("@everyone @here <@123> <@&456> <#789>")).not.toMatch(/@everyone|@here|<@\d|<@&\d|<#\d/);
    expect(safe("**bold** _it_ `code` [link](x)")).toBe("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x)");
    expect(safe("# heading\n> quote")).toBe("\\# heading\n\\> quote");
  });
});

describe("command handlers as pure functions", () => {
  it("answers /summary, /confirmed, /unconfirmed, /brief, /sources and /ask from a digest", async () => {
    for (const [name, command] of digestCommands) {
      const reply = await command.handle(
        digest,
        name === "ask" ? { question: "Who claimed the attack?" } : {},
        tools,
      );
      expect(reply.embeds.length).toBeGreaterThan(0);
      for (const page of reply.embeds.flatMap(paginate)) expect(fitsLimits(page)).toBe(true);
    }
  });

  it("colours answers by status", async () => {
    const confirmed = await digestCommands.get("confirmed")?.handle(digest, {}, tools);
    const ask = await digestCommands.get("ask")?.handle(digest, { question: "What was the weather?" }, tools);
    expect(confirmed?.embeds[0]?.color).toBe(0x2e7d32);
    expect(ask?.embeds[0]?.description).toBe("The article does not say.");
    expect(ask?.embeds[0]?.color).toBe(0x757575);
  });
});

describe("command registration payloads", () => {
  it("require Manage Messages by default for /article and put required options first", () => {
    const article = commandPayload(articleDefinition);
    expect(article.default_member_permissions).toBe("8192");
    const ask = commandPayload(digestCommands.get("ask")?.definition ?? articleDefinition);
    expect(ask.options?.[0]).toMatchObject({ name: "question", required: true });
    expect(ask.options?.[1]).toMatchObject({ name: "article", autocomplete: true });
  });
});
