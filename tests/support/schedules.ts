import type { Schedule } from "../../src/schedule/schema.ts";

/** A schedule created and last run at `start`, every 30 minutes in Paris, posting article "story" to c1. */
export function newSchedule(start: string, over: Partial<Schedule> = {}): Schedule {
  return {
    id: "abc123",
    guildId: "g1",
    channelId: "c1",
    articleId: "story",
    cron: "*/30 * * * *",
    timezone: "Europe/Paris",
    onlyChanges: false,
    createdBy: "u",
    createdAt: start,
    lastRunAt: new Date(start).toISOString(),
    ...over,
  };
}
