import type { Follow } from "../../src/follow/schema.ts";

/** A follow due at `now`, checked every five minutes, posting to channel c1; fields overridden as given. */
export function newFollow(now: Date, over: Partial<Follow> = {}): Follow {
  return {
    id: "abc123",
    guildId: "g1",
    channelId: "c1",
    url: "https://news.example.test/live",
    kind: "page",
    everyMinutes: 5,
    createdBy: "t",
    createdAt: now.toISOString(),
    nextCheckAt: now.toISOString(),
    failures: 0,
    seenItems: [],
    ...over,
  };
}
