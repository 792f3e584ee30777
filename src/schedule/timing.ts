import { Cron } from "croner";
import { BadInputError } from "../errors.ts";
import type { Schedule } from "./schema.ts";

/** Checks a cron expression and an IANA time zone, with a message a desk editor can act on. */
export function validateTiming(cron: string, timezone: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw new BadInputError(
      `'${timezone}' is not a time zone; use a name like Europe/Paris or America/New_York`,
    );
  }
  try {
    const next = new Cron(cron, { timezone, paused: true }).nextRun();
    if (!next) throw new Error("it never runs");
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, "") : "invalid";
    throw new BadInputError(
      `'${cron}' is not a cron expression Newsdesk can use (${why}); e.g. */30 * * * * or 0 8 * * *`,
    );
  }
}

export function nextRun(cron: string, timezone: string, after: Date): Date | undefined {
  return new Cron(cron, { timezone, paused: true }).nextRun(after) ?? undefined;
}

/**
 * The run that is due now, if any: the first scheduled time after the last handled run, when it has come.
 * However many runs were missed while the bot was down, this is one run, so it posts once.
 */
export function dueRun(schedule: Schedule, now: Date): Date | undefined {
  const next = nextRun(schedule.cron, schedule.timezone, new Date(schedule.lastRunAt));
  return next && next.getTime() <= now.getTime() ? next : undefined;
}
