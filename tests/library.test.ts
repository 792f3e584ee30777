import { readFileSync } from "node:fs";
import Keyv from "keyv";
import { describe, expect, it } from "vitest";
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
  const digests = new DigestService({
    engine: new CountingEngine(),
    store: new KeyvDigestStore(new Keyv()),
    log: capturingLogger().log,
    timeoutMs: 500,
  });
  return { lib: new KeyvArticleLibrary(new Keyv(), digests, 500), digests };
}

const paste = { kind: "paste" as const };

// The library's behaviour on every store is in store-contract.test.ts.
describe("article library", () => {
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
