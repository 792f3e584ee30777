import { readFileSync } from "node:fs";
import Keyv from "keyv";
import { afterEach, describe, expect, it, vi } from "vitest";
import { digestPost } from "../commands/digest.ts";
import { BadInputError } from "../src/errors.ts";
import { KeyvArticleLibrary } from "../src/library/library.ts";
import { ChannelUnavailableError } from "../src/poster.ts";
import type { Reply } from "../src/reply.ts";
import { Scheduler } from "../src/schedule/scheduler.ts";
import type { Schedule } from "../src/schedule/schema.ts";
import { KeyvScheduleStore } from "../src/schedule/store.ts";
import { dueRun, nextRun, validateTiming } from "../src/schedule/timing.ts";
import { DigestService } from "../src/store/digest-service.ts";
import { KeyvDigestStore } from "../src/store/digest-store.ts";
import { MemoryLease } from "../src/store/lease.ts";
import { CountingEngine } from "./support/counting-engine.ts";
import { capturingLogger } from "./support/log-capture.ts";
import { sampleText } from "./support/paths.ts";
import { newSchedule } from "./support/schedules.ts";

const followUp = () =>
  readFileSync(new URL("./fixtures/sample-breaking-news-followup.txt", import.meta.url), "utf8");

describe("schedule timing", () => {
  it("keeps 08:00 Europe/Paris at 08:00 local across the spring DST change", () => {
    const runs = [new Date("2026-03-27T12:00:00Z")];
    for (let i = 0; i < 3; i++) runs.push(nextRun("0 8 * * *", "Europe/Paris", runs.at(-1) as Date) as Date);
    expect(runs.slice(1).map((d) => d.toISOString())).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
  });

  it("runs every 30 minutes straight through the autumn DST change", () => {
    let at = new Date("2026-10-25T00:15:00Z");
    const runs: string[] = [];
    for (let i = 0; i < 4; i++) {
      at = nextRun("*/30 * * * *", "Europe/Paris", at) as Date;
      runs.push(at.toISOString());
    }
    expect(runs).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:00:00.000Z",
    ]);
  });

  it("refuses bad cron expressions and time zones with a clear message", () => {
    expect(() => validateTiming("61 * * * *", "UTC")).toThrow(BadInputError);
    expect(() => validateTiming("every half hour", "UTC")).toThrow(/not a cron expression/);
    expect(() => validateTiming("*/30 * * * *", "Mars/Olympus")).toThrow(
      /not a time zone; use a name like Europe\/Paris/,
    );
    expect(() => validateTiming("*/30 * * * *", "Europe/Paris")).not.toThrow();
  });

  it("counts many runs missed during downtime as one due run", () => {
    const schedule = {
      cron: "*/30 * * * *",
      timezone: "UTC",
      lastRunAt: "2026-11-25T06:00:00.000Z",
    } as Schedule;
    expect(dueRun(schedule, new Date("2026-11-25T11:10:00Z"))?.toISOString()).toBe(
      "2026-11-25T06:30:00.000Z",
    );
    expect(
      dueRun({ ...schedule, lastRunAt: "2026-11-25T11:10:00.000Z" }, new Date("2026-11-25T11:20:00Z")),
    ).toBeUndefined();
  });
});

function setup(start = "2026-11-25T09:00:00Z") {
  const { log, messages } = capturingLogger();
  const digests = new DigestService({
    engine: new CountingEngine(),
    store: new KeyvDigestStore(new Keyv()),
    log,
    timeoutMs: 500,
  });
  const library = new KeyvArticleLibrary(new Keyv(), digests, 500);
  const store = new KeyvScheduleStore(new Keyv(), 500);
  const posts: { channelId: string; reply: Reply }[] = [];
  const poster = { post: async (channelId: string, reply: Reply) => void posts.push({ channelId, reply }) };
  const scheduler = new Scheduler({
    store,
    library,
    digests,
    lease: new MemoryLease(),
    poster,
    compose: digestPost,
    log,
  });
  const schedule = (over: Partial<Schedule> = {}): Schedule => newSchedule(start, over);
  return { library, store, posts, scheduler, schedule, messages, poster };
}

async function addStory(library: KeyvArticleLibrary) {
  const { article } = await library.add({
    guildId: "g1",
    text: sampleText(),
    title: "Story",
    origin: { kind: "paste" },
    addedBy: "u",
  });
  return article.id;
}

describe("scheduler", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("posts the brief when a run is due, once per run, and survives a restart of its own state", async () => {
    const { library, store, posts, scheduler, schedule } = setup();
    await store.save(schedule({ articleId: await addStory(library) }));
    expect((await scheduler.tick(new Date("2026-11-25T09:10:00Z"))).size).toBe(0);
    await scheduler.tick(new Date("2026-11-25T09:30:05Z"));
    await scheduler.tick(new Date("2026-11-25T09:31:00Z"));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.reply.embeds[0]?.fields.map((f) => f.name)).toEqual([
      "What we know",
      "What we don't know",
    ]);
  });

  it("posts once after downtime, not once per missed run", async () => {
    const { library, store, posts, scheduler, schedule } = setup();
    await store.save(schedule({ articleId: await addStory(library) }));
    await scheduler.tick(new Date("2026-11-25T14:05:00Z")); // ten runs were missed
    await scheduler.tick(new Date("2026-11-25T14:06:00Z"));
    expect(posts).toHaveLength(1);
  });

  it("with only_changes posts nothing until a new version, then shows what changed", async () => {
    const { library, store, posts, scheduler, schedule } = setup();
    const id = await addStory(library);
    await store.save(schedule({ articleId: id, onlyChanges: true }));
    await scheduler.tick(new Date("2026-11-25T09:30:00Z")); // first run: never posted before
    await scheduler.tick(new Date("2026-11-25T10:00:00Z")); // nothing new
    expect(posts).toHaveLength(1);
    await library.update({ guildId: "g1", id, text: followUp(), origin: { kind: "paste" }, addedBy: "u" });
    await scheduler.tick(new Date("2026-11-25T10:30:00Z"));
    expect(posts).toHaveLength(2);
    const changes = posts[1]?.reply.embeds[0];
    expect(changes?.title).toBe("What changed since the last post (version 1 → 2)");
    expect(changes?.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["Newly confirmed", "Withdrawn or no longer in the story"]),
    );
  });

  it("pauses a schedule whose channel is gone, says why, and does not retry", async () => {
    const { library, store, scheduler, schedule, messages, poster } = setup();
    await store.save(schedule({ articleId: await addStory(library) }));
    const post = vi
      .spyOn(poster, "post")
      .mockRejectedValue(new ChannelUnavailableError("the bot can no longer post in channel c1"));
    expect(await scheduler.tick(new Date("2026-11-25T09:30:00Z"))).toEqual(new Map([["abc123", "paused"]]));
    await scheduler.tick(new Date("2026-11-25T10:30:00Z"));
    expect(post).toHaveBeenCalledTimes(1);
    expect((await store.get("g1", "abc123")).paused?.reason).toMatch(/can no longer post/);
    expect(messages()).toContain("schedule paused");
  });

  it("runs on its own timer: fake time passes, posts go out", async () => {
    vi.useFakeTimers({
      now: new Date("2026-11-25T09:29:50Z"),
      toFake: ["setInterval", "clearInterval", "Date"],
    });
    const { library, store, posts, scheduler, schedule } = setup("2026-11-25T09:00:00Z");
    await store.save(schedule({ articleId: await addStory(library) }));
    scheduler.start(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    await scheduler.stop();
    expect(posts).toHaveLength(2);
  });
});
