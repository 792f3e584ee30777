import { readFileSync } from "node:fs";
import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { BadInputError, NotFoundError } from "../src/errors.ts";
import { articleDigest } from "../src/library/article-digest.ts";
import { KeyvArticleLibrary } from "../src/library/library.ts";
import { slugify } from "../src/library/slug.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { KeyvDigestStore } from "../src/store/digest-store.ts";
import { CountingEngine } from "./support/counting-engine.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { sampleText } from "./support/paths.ts";

const followUp = () =>
  readFileSync(new URL("./fixtures/sample-breaking-news-followup.txt", import.meta.url), "utf8");

function library() {
  const engine = new CountingEngine();
  const digests = new DigestService({
    engine,
    store: new KeyvDigestStore(new Keyv()),
    log: capturingLogger().log,
    timeoutMs: 500,
  });
  let tick = 0;
  const keyv = new Keyv();
  const lib = new KeyvArticleLibrary(keyv, digests, 500, {
    now: () => new Date(Date.UTC(2026, 10, 25, 12, tick++)),
  });
  return { lib, engine, keyv, digests };
}

const paste = { kind: "paste" as const };

describe("article library", () => {
  it("adds an article under a short readable id, with who added it and when", async () => {
    const { lib } = library();
    const { article } = await lib.add({
      guildId: "g1",
      text: sampleText(),
      origin: paste,
      addedBy: "user:42",
    });
    expect(article.id).toBe("paris-police-say-officer-and");
    expect(article.addedBy).toBe("user:42");
    expect(article.versions[0]?.addedAt).toBe("2026-11-25T12:00:00.000Z");
    expect((await lib.list("g1")).map((a) => a.id)).toEqual([article.id]);
    expect(await lib.list("g2")).toEqual([]);
  });

  it("gives a second article with the same title its own id", async () => {
    const { lib } = library();
    const a = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    const b = await lib.add({
      guildId: "g1",
      text: followUp(),
      title: a.article.title,
      origin: paste,
      addedBy: "u",
    });
    expect(b.article.id).toBe(`${a.article.id}-2`);
  });

  it("keeps every version with its digest and says what changed in a reporter's terms", async () => {
    const { lib } = library();
    const { article } = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    const update = await lib.update({
      guildId: "g1",
      id: article.id,
      text: followUp(),
      origin: paste,
      addedBy: "u",
    });
    expect(update.version.version).toBe(2);
    const v1 = await lib.version("g1", article.id, 1);
    expect(v1.stored.digest.statements.some((s) => s.claim.includes("at least two attackers"))).toBe(true);

    const { diff, from, to } = await lib.diff("g1", article.id);
    expect([from, to]).toEqual([1, 2]);
    const identity = diff.statusChanged.find((c) => /identity/.test(c.after.claim));
    expect(identity?.before.status).toBe("unknown");
    expect(identity?.after.status).toBe("confirmed");
    expect(
      diff.removed.some((s) => s.claim.includes("at least two attackers") && s.status === "disputed"),
    ).toBe(true);
    expect(diff.newSources.some((s) => /prosecutor/i.test(s.name))).toBe(true);
  });

  it("stores nothing new for identical text", async () => {
    const { lib, engine } = library();
    const { article } = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    const again = await lib.update({
      guildId: "g1",
      id: article.id,
      text: `${sampleText()}\n`,
      origin: paste,
      addedBy: "u",
    });
    expect(again.unchanged).toBe(true);
    expect((await lib.get("g1", article.id)).versions).toHaveLength(1);
    expect(engine.runs).toBe(1);
  });

  it("refuses bad requests clearly and loses nothing already stored", async () => {
    const { lib } = library();
    const { article } = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    await expect(
      lib.update({ guildId: "g1", id: "nope", text: followUp(), origin: paste, addedBy: "u" }),
    ).rejects.toThrow(NotFoundError);
    await expect(lib.diff("g1", article.id)).rejects.toThrow(BadInputError);
    await expect(lib.version("g1", article.id, 7)).rejects.toThrow(/has no version 7/);
    expect((await lib.list("g1")).map((a) => a.versions.length)).toEqual([1]);
  });

  it("remembers each channel's current article", async () => {
    const { lib } = library();
    const { article } = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    expect(await lib.channelArticle("g1", "c1")).toBeUndefined();
    await lib.setChannelArticle("g1", "c1", article.id);
    expect(await lib.channelArticle("g1", "c1")).toBe(article.id);
    expect(await lib.channelArticle("g1", "c2")).toBeUndefined();
    await expect(lib.setChannelArticle("g1", "c1", "missing")).rejects.toThrow(NotFoundError);
  });

  it("resolves the named article, else the channel's current one, else says how to pick one", async () => {
    const { lib } = library();
    const a = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    const b = await lib.add({ guildId: "g1", text: followUp(), origin: paste, addedBy: "u" });
    await expect(lib.resolve("g1", "c1")).rejects.toThrow(/no current article/);
    await lib.setChannelArticle("g1", "c1", a.article.id);
    expect((await lib.resolve("g1", "c1")).id).toBe(a.article.id);
    expect((await lib.resolve("g1", "c1", b.article.id)).id).toBe(b.article.id);
  });

  it("numbers concurrent updates one after the other", async () => {
    const { lib } = library();
    const { article } = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    const texts = [followUp(), `${followUp()}\n\nA third version.`];
    await Promise.all(
      texts.map((text) => lib.update({ guildId: "g1", id: article.id, text, origin: paste, addedBy: "u" })),
    );
    expect((await lib.get("g1", article.id)).versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it("lists every article added concurrently", async () => {
    const { lib } = library();
    const texts = Array.from(
      { length: 5 },
      (_, i) => `Story number ${i}\n\nThe council said item ${i} was approved.`,
    );
    await Promise.all(texts.map((text) => lib.add({ guildId: "g1", text, origin: paste, addedBy: "u" })));
    expect((await lib.list("g1")).map((a) => a.title).sort()).toEqual(
      texts.map((t) => t.split("\n")[0]).sort(),
    );
  });

  it("still lists an article a library of the previous layout knew only from its shared index", async () => {
    const { lib, keyv } = library();
    const { article } = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    // The previous layout: one index key per guild, no per-article entry.
    await keyv.delete(`entry:g1:${article.id}`);
    expect(await lib.list("g1")).toEqual([]);
    await keyv.set("index:g1", [article.id]);
    expect((await lib.list("g1")).map((a) => a.id)).toEqual([article.id]);
  });

  it("finds the digest a command means: the channel's article, a named one, a version; slow only when not cached", async () => {
    const { lib, digests } = library();
    const a = await lib.add({ guildId: "g1", text: sampleText(), origin: paste, addedBy: "u" });
    const b = await lib.add({ guildId: "g1", text: followUp(), title: "Later", origin: paste, addedBy: "u" });
    await lib.update({ guildId: "g1", id: b.article.id, text: sampleText(), origin: paste, addedBy: "u" });
    await lib.setChannelArticle("g1", "c1", a.article.id);
    let slow = 0;
    const beforeSlow = async () => void slow++;
    const current = await articleDigest(lib, digests, { guildId: "g1", channelId: "c1" }, beforeSlow);
    expect(current.article.id).toBe(a.article.id);
    expect(current.digest.title).toBe(a.digest.title);
    const first = await articleDigest(
      lib,
      digests,
      { guildId: "g1", id: b.article.id, version: 1 },
      beforeSlow,
    );
    expect(first.version.version).toBe(1);
    expect(first.digest.inputSha256).toBe(b.digest.inputSha256);
    // Every text was digested when it was added: each answer came from the cache.
    expect(slow).toBe(0);
    // A cache that has not seen the text: the slow path is announced first, once.
    const cold = new DigestService({
      engine: new CountingEngine(),
      store: new KeyvDigestStore(new Keyv()),
      log: capturingLogger().log,
      timeoutMs: 500,
    });
    const built = await articleDigest(lib, cold, { guildId: "g1", id: a.article.id }, beforeSlow);
    expect(slow).toBe(1);
    expect(built.digest.title).toBe(a.digest.title);
    await expect(articleDigest(lib, digests, { guildId: "g1", channelId: "c2" })).rejects.toThrow(
      /no current article/,
    );
  });

  it("makes slugs from any title", () => {
    expect(slugify("Émeute à Paris: 3 blessés!")).toBe("emeute-a-paris-3-blesses");
    expect(slugify("???")).toBe("article");
  });
});
