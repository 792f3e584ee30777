import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Keyv from "keyv";
import { afterAll, describe, expect, it } from "vitest";
import type { Digest } from "../src/digest/schema.ts";
import { BadInputError, NotFoundError } from "../src/errors.ts";
import type { Follow } from "../src/follow/schema.ts";
import { KeyvFollowStore } from "../src/follow/store.ts";
import { KeyvArticleLibrary } from "../src/library/library.ts";
import { normalizeInput, sha256 } from "../src/nlp/text.ts";
import type { Schedule } from "../src/schedule/schema.ts";
import { KeyvScheduleStore } from "../src/schedule/store.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { type DigestKey, KeyvDigestStore, keyString } from "../src/store/digest-store.ts";
import { type Lease, MemoryLease, RedisLease } from "../src/store/lease.ts";
import { openKeyv } from "../src/store/open-keyv.ts";
import { CountingEngine } from "./support/counting-engine.ts";
import { newFollow } from "./support/follows.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { sampleText } from "./support/paths.ts";
import { newSchedule } from "./support/schedules.ts";

// One contract for every store the app can open (keyv's own approach: the same tests on each adapter),
// through openKeyv as the app opens them. Redis is shared with other suites, other runs and running bots:
// the namespaces are the app's with a "contract-" prefix (a bot's scheduler or follow runner never walks
// these schedules and follows, nor these tests its), every test writes under names of its own (a fresh
// guild, a fresh engine version) and none assumes an empty store.
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("store-contract: REDIS_URL is not set, so the Redis store and lease are SKIPPED");

const TIMEOUT_MS = 1500;
const STORES = [
  { name: "memory", url: "memory" },
  {
    name: "SQLite",
    url: `sqlite://${join(mkdtempSync(join(tmpdir(), "newsdesk-contract-")), "store.sqlite")}`,
  },
  ...(REDIS_URL ? [{ name: "Redis", url: REDIS_URL }] : []),
];

const unique = (prefix: string) => `${prefix}-${randomUUID()}`;
/** Two servers no other test or run has written to. */
const guilds = () => ({ g1: unique("g1"), g2: unique("g2") });
const followUp = () =>
  readFileSync(new URL("./fixtures/sample-breaking-news-followup.txt", import.meta.url), "utf8");
const paste = { kind: "paste" as const };

/** What the schedule and follow stores share: records kept by server and id. */
interface RecordStore<T> {
  save(record: T): Promise<void>;
  get(guildId: string, id: string): Promise<T>;
  list(guildId: string): Promise<T[]>;
  remove(guildId: string, id: string): Promise<void>;
}

function removesRecords<T>(
  kind: string,
  fixture: () => Promise<{ store: RecordStore<T>; make: (guildId: string, id: string) => T; g1: string }>,
) {
  it(`removes a ${kind}, and says a ${kind} it does not have is not there`, async () => {
    const { store, make, g1 } = await fixture();
    await store.save(make(g1, "aaa111"));
    await store.remove(g1, "aaa111");
    await expect(store.get(g1, "aaa111")).rejects.toThrow(NotFoundError);
    expect(await store.list(g1)).toEqual([]);
    await expect(store.remove(g1, "aaa111")).rejects.toThrow(new RegExp(`no ${kind} 'aaa111'`));
  });
}

describe.each(STORES)("$name store", ({ url }) => {
  const opened: Keyv[] = [];
  const open = async (namespace: string) => {
    const { keyv } = await openKeyv(url, `contract-${namespace}`, TIMEOUT_MS);
    opened.push(keyv);
    return keyv;
  };
  afterAll(async () => {
    await Promise.all(opened.map((k) => k.disconnect()));
  });

  describe("digest store", () => {
    /** A digest service on this store whose engine version no other run shares: its keys are its own. */
    async function cache() {
      const keyv = await open("digest");
      const engine = new CountingEngine(unique("contract"));
      const { log, messages } = capturingLogger();
      const store = new KeyvDigestStore(keyv, (key, why) =>
        log.warn({ key, why }, "digest cache degraded: invalid entry"),
      );
      const service = new DigestService({ engine, store, log, timeoutMs: TIMEOUT_MS });
      const keyFor = (text: string): DigestKey => ({
        sha256: sha256(normalizeInput(text)),
        engine: engine.info,
      });
      return { keyv, engine, store, service, messages, keyFor };
    }

    it("keeps a digest under its key, unchanged by the round trip, and has nothing under another", async () => {
      const { engine, store, keyFor } = await cache();
      const digest = await engine.digest(sampleText());
      expect(await store.get(keyFor(sampleText()))).toBeUndefined();
      await store.set(keyFor(sampleText()), digest);
      expect(await store.get(keyFor(sampleText()))).toEqual(digest);
      expect(await store.get(keyFor(followUp()))).toBeUndefined();
      // Another engine version is another key: a new engine re-extracts.
      expect(await store.get({ ...keyFor(sampleText()), engine: { ...engine.info, version: "0" } })).toBe(
        undefined,
      );
    });

    it("a second service on the same store answers from it without running the engine", async () => {
      const { engine, service, keyv } = await cache();
      const first = await service.digest(sampleText());
      const other = new DigestService({
        engine,
        store: new KeyvDigestStore(keyv),
        log: capturingLogger().log,
        timeoutMs: TIMEOUT_MS,
      });
      const second = await other.digest(sampleText());
      expect(first.cached).toBe(false);
      expect(second.cached).toBe(true);
      expect(second.digest).toEqual(first.digest);
      expect(engine.runs).toBe(1);
    });

    it("treats a corrupt entry as a miss, replaces it and says so in the log", async () => {
      const { engine, keyv, service, messages, keyFor } = await cache();
      const key = keyString(keyFor(sampleText()));
      await keyv.set(key, { title: "not a digest" });
      const result = await service.digest(sampleText());
      expect(result.cached).toBe(false);
      expect(engine.runs).toBe(1);
      expect(messages()).toContain("digest cache degraded: invalid entry");
      const stored = (await keyv.get(key)) as Digest;
      expect(stored.statements.length).toBeGreaterThan(0);
    });

    it("never serves a valid digest of another text stored under the key", async () => {
      const { engine, keyv, service, keyFor } = await cache();
      const other = await engine.digest("Other story\n\nThe council said the bridge would reopen.");
      await keyv.set(keyString(keyFor(sampleText())), other);
      const result = await service.digest(sampleText());
      expect(result.digest.title).toBe("Paris police say officer and attacker shot, killed");
    });
  });

  describe("article library", () => {
    /** A library on this store as the app builds it (entries in their own namespace, the store's lease). */
    async function library() {
      const engine = new CountingEngine();
      // Digests in memory: the library is what is under test, and each test counts its own engine runs.
      const digests = new DigestService({
        engine,
        store: new KeyvDigestStore(new Keyv()),
        log: capturingLogger().log,
        timeoutMs: TIMEOUT_MS,
      });
      const keyv = await open("library");
      const entries = await open("library-entries");
      const lease: Lease = url.startsWith("redis")
        ? await RedisLease.open(url, TIMEOUT_MS)
        : new MemoryLease();
      leases.push(lease);
      let tick = 0;
      const lib = new KeyvArticleLibrary(keyv, digests, TIMEOUT_MS, {
        entries,
        lease,
        now: () => new Date(Date.UTC(2026, 10, 25, 12, tick++)),
      });
      return { lib, engine, keyv, entries, ...guilds() };
    }
    const leases: Lease[] = [];
    afterAll(async () => {
      await Promise.all(leases.map((l) => l.close()));
    });

    it("adds an article under a short readable id, with who added it and when", async () => {
      const { lib, g1, g2 } = await library();
      const { article } = await lib.add({
        guildId: g1,
        text: sampleText(),
        origin: paste,
        addedBy: "user:42",
      });
      expect(article.id).toBe("paris-police-say-officer-and");
      expect(article.addedBy).toBe("user:42");
      expect(article.versions[0]?.addedAt).toBe("2026-11-25T12:00:00.000Z");
      expect((await lib.list(g1)).map((a) => a.id)).toEqual([article.id]);
      expect(await lib.list(g2)).toEqual([]);
    });

    it("gives a second article with the same title its own id", async () => {
      const { lib, g1 } = await library();
      const a = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      const b = await lib.add({
        guildId: g1,
        text: followUp(),
        title: a.article.title,
        origin: paste,
        addedBy: "u",
      });
      expect(b.article.id).toBe(`${a.article.id}-2`);
    });

    it("keeps every version with its digest and says what changed in a reporter's terms", async () => {
      const { lib, g1 } = await library();
      const { article } = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      const update = await lib.update({
        guildId: g1,
        id: article.id,
        text: followUp(),
        origin: paste,
        addedBy: "u",
      });
      expect(update.version.version).toBe(2);
      const v1 = await lib.version(g1, article.id, 1);
      expect(v1.stored.digest.statements.some((s) => s.claim.includes("at least two attackers"))).toBe(true);

      const { diff, from, to } = await lib.diff(g1, article.id);
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
      const { lib, engine, g1 } = await library();
      const { article } = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      const again = await lib.update({
        guildId: g1,
        id: article.id,
        text: `${sampleText()}\n`,
        origin: paste,
        addedBy: "u",
      });
      expect(again.unchanged).toBe(true);
      expect((await lib.get(g1, article.id)).versions).toHaveLength(1);
      expect(engine.runs).toBe(1);
    });

    it("refuses bad requests clearly and loses nothing already stored", async () => {
      const { lib, g1 } = await library();
      const { article } = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      await expect(
        lib.update({ guildId: g1, id: "nope", text: followUp(), origin: paste, addedBy: "u" }),
      ).rejects.toThrow(NotFoundError);
      await expect(lib.diff(g1, article.id)).rejects.toThrow(BadInputError);
      await expect(lib.version(g1, article.id, 7)).rejects.toThrow(/has no version 7/);
      expect((await lib.list(g1)).map((a) => a.versions.length)).toEqual([1]);
    });

    it("remembers each channel's current article", async () => {
      const { lib, g1 } = await library();
      const { article } = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      expect(await lib.channelArticle(g1, "c1")).toBeUndefined();
      await lib.setChannelArticle(g1, "c1", article.id);
      expect(await lib.channelArticle(g1, "c1")).toBe(article.id);
      expect(await lib.channelArticle(g1, "c2")).toBeUndefined();
      await expect(lib.setChannelArticle(g1, "c1", "missing")).rejects.toThrow(NotFoundError);
    });

    it("resolves the named article, else the channel's current one, else says how to pick one", async () => {
      const { lib, g1 } = await library();
      const a = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      const b = await lib.add({ guildId: g1, text: followUp(), origin: paste, addedBy: "u" });
      await expect(lib.resolve(g1, "c1")).rejects.toThrow(/no current article/);
      await lib.setChannelArticle(g1, "c1", a.article.id);
      expect((await lib.resolve(g1, "c1")).id).toBe(a.article.id);
      expect((await lib.resolve(g1, "c1", b.article.id)).id).toBe(b.article.id);
    });

    it("numbers concurrent updates one after the other", async () => {
      const { lib, g1 } = await library();
      const { article } = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      const texts = [followUp(), `${followUp()}\n\nA third version.`];
      await Promise.all(
        texts.map((text) => lib.update({ guildId: g1, id: article.id, text, origin: paste, addedBy: "u" })),
      );
      expect((await lib.get(g1, article.id)).versions.map((v) => v.version)).toEqual([1, 2, 3]);
    });

    it("lists every article added concurrently", async () => {
      const { lib, g1 } = await library();
      const texts = Array.from(
        { length: 5 },
        (_, i) => `Story number ${i}\n\nThe council said item ${i} was approved.`,
      );
      await Promise.all(texts.map((text) => lib.add({ guildId: g1, text, origin: paste, addedBy: "u" })));
      expect((await lib.list(g1)).map((a) => a.title).sort()).toEqual(
        texts.map((t) => t.split("\n")[0]).sort(),
      );
    });

    it("still lists an article a library of the previous layout knew only from its shared index", async () => {
      const { lib, keyv, entries, g1 } = await library();
      const { article } = await lib.add({ guildId: g1, text: sampleText(), origin: paste, addedBy: "u" });
      // The previous layout: one index key per guild, no per-article entry.
      await entries.delete(`entry:${g1}:${article.id}`);
      expect(await lib.list(g1)).toEqual([]);
      await keyv.set(`index:${g1}`, [article.id]);
      expect((await lib.list(g1)).map((a) => a.id)).toEqual([article.id]);
    });
  });

  describe("schedule store", () => {
    async function schedules() {
      const keyv = await open("schedule");
      const schedule = (guildId: string, id: string, over: Partial<Schedule> = {}): Schedule =>
        newSchedule("2026-11-25T09:00:00.000Z", { guildId, id, ...over });
      return { keyv, store: new KeyvScheduleStore(keyv, TIMEOUT_MS), schedule, ...guilds() };
    }

    it("keeps a schedule, lists it once however often it is saved, and only in its own server", async () => {
      const { store, schedule, g1, g2 } = await schedules();
      await store.save(schedule(g1, "aaa111"));
      await store.save(schedule(g1, "bbb222"));
      await store.save(
        schedule(g1, "aaa111", { lastRunAt: "2026-11-25T09:30:00.000Z", lastPostedVersion: 2 }),
      );
      await store.save(schedule(g2, "ccc333"));
      expect(await store.get(g1, "aaa111")).toEqual(
        schedule(g1, "aaa111", { lastRunAt: "2026-11-25T09:30:00.000Z", lastPostedVersion: 2 }),
      );
      expect((await store.list(g1)).map((s) => s.id)).toEqual(["aaa111", "bbb222"]);
      expect((await store.list(g2)).map((s) => s.id)).toEqual(["ccc333"]);
      const all = (await store.all()).filter((s) => s.guildId === g1 || s.guildId === g2);
      expect(all.map((s) => `${s.guildId === g1 ? "g1" : "g2"}:${s.id}`).sort()).toEqual([
        "g1:aaa111",
        "g1:bbb222",
        "g2:ccc333",
      ]);
    });

    removesRecords("schedule", async () => {
      const { store, schedule, g1 } = await schedules();
      return { store, make: schedule, g1 };
    });

    it("skips an entry that is not a schedule instead of serving it", async () => {
      const { keyv, store, schedule, g1 } = await schedules();
      await store.save(schedule(g1, "aaa111"));
      await store.save(schedule(g1, "bbb222"));
      await keyv.set(`schedule:${g1}:aaa111`, { cron: "garbage" });
      expect((await store.list(g1)).map((s) => s.id)).toEqual(["bbb222"]);
      await expect(store.get(g1, "aaa111")).rejects.toThrow(NotFoundError);
    });
  });

  describe("follow store", () => {
    async function follows() {
      const keyv = await open("follow");
      const follow = (guildId: string, id: string, over: Partial<Follow> = {}): Follow =>
        newFollow(new Date("2026-11-26T10:00:00Z"), { guildId, id, ...over });
      return { keyv, store: new KeyvFollowStore(keyv, TIMEOUT_MS), follow, ...guilds() };
    }

    it("keeps a follow, lists each once by age then id, and only in its own server", async () => {
      const { store, follow, g1, g2 } = await follows();
      await store.save(follow(g1, "bbb222"));
      await store.save(follow(g1, "aaa111"));
      await store.save(follow(g1, "ccc333", { createdAt: "2026-11-26T09:00:00.000Z" }));
      await store.save(follow(g1, "aaa111", { failures: 2, lastError: "503" }));
      await store.save(follow(g2, "ddd444"));
      expect(await store.get(g1, "aaa111")).toEqual(follow(g1, "aaa111", { failures: 2, lastError: "503" }));
      expect((await store.list(g1)).map((f) => f.id)).toEqual(["ccc333", "aaa111", "bbb222"]);
      expect((await store.list(g2)).map((f) => f.id)).toEqual(["ddd444"]);
      const all = (await store.all()).filter((f) => f.guildId === g1 || f.guildId === g2);
      expect(all.map((f) => f.id)).toEqual(["ccc333", "aaa111", "bbb222", "ddd444"]);
    });

    removesRecords("follow", async () => {
      const { store, follow, g1 } = await follows();
      return { store, make: follow, g1 };
    });

    it("refuses to save an invalid follow and skips a stored entry that is not one", async () => {
      const { keyv, store, follow, g1 } = await follows();
      await expect(store.save(follow(g1, "aaa111", { everyMinutes: 0 }))).rejects.toThrow();
      await store.save(follow(g1, "bbb222"));
      await keyv.set(`follow:${g1}:ccc333`, { guildId: g1, id: "ccc333", url: "not a url" });
      expect((await store.list(g1)).map((f) => f.id)).toEqual(["bbb222"]);
      await expect(store.get(g1, "ccc333")).rejects.toThrow(NotFoundError);
    });
  });
});

// Both leases: what the library's lock and the scheduler and follow runner rely on. `other` is a second
// holder: another client on Redis (as another process has), the same lease in memory (one process).
const LEASES = [
  {
    name: "MemoryLease",
    open: async () => {
      const lease = new MemoryLease();
      return { lease, other: lease };
    },
  },
  ...(REDIS_URL
    ? [
        {
          name: "RedisLease",
          open: async () => ({
            lease: await RedisLease.open(REDIS_URL, TIMEOUT_MS),
            other: await RedisLease.open(REDIS_URL, TIMEOUT_MS),
          }),
        },
      ]
    : []),
];

describe.each(LEASES)("$name", ({ open }) => {
  const opened: Lease[] = [];
  async function leases() {
    const pair = await open();
    opened.push(pair.lease, pair.other);
    return { ...pair, name: unique("contract") };
  }
  afterAll(async () => {
    await Promise.all([...new Set(opened)].map((l) => l.close()));
  });

  it("gives one holder at a time a token; another name is free meanwhile", async () => {
    const { lease, other, name } = await leases();
    const token = await lease.acquire(name, 10_000);
    expect(token).toEqual(expect.any(String));
    expect(await other.acquire(name, 10_000)).toBeUndefined();
    expect(await lease.acquire(name, 10_000)).toBeUndefined();
    expect(await other.acquire(`${name}-b`, 10_000)).toEqual(expect.any(String));
  });

  it("is released only with the holder's token", async () => {
    const { lease, other, name } = await leases();
    const token = (await lease.acquire(name, 10_000)) ?? "";
    await other.release(name, "someone-else");
    expect(await other.acquire(name, 10_000)).toBeUndefined();
    await lease.release(name, token);
    const next = await other.acquire(name, 10_000);
    expect(next).toEqual(expect.any(String));
    expect(next).not.toBe(token);
    // The first holder's stale token no longer frees the lease its successor holds.
    await lease.release(name, token);
    expect(await lease.acquire(name, 10_000)).toBeUndefined();
  });

  it("expires on its own, not before its time", async () => {
    const { lease, other, name } = await leases();
    const ttlMs = 150;
    const from = Date.now();
    expect(await lease.acquire(name, ttlMs)).toEqual(expect.any(String));
    let next: string | undefined;
    while (!next && Date.now() - from < 5_000) {
      next = await other.acquire(name, 10_000);
      if (!next) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(next).toEqual(expect.any(String));
    // Whole milliseconds on both clocks: a free lease is seen no earlier than ttl - 1 ms after the start.
    expect(Date.now() - from).toBeGreaterThanOrEqual(ttlMs - 1);
  });

  it("closes cleanly, holding a lease or not", async () => {
    const { lease, other, name } = await leases();
    await lease.acquire(name, 10_000);
    await expect(lease.close()).resolves.toBeUndefined();
    await expect(other.close()).resolves.toBeUndefined();
  });
});
