import type { Follow } from "./schema.ts";

/** Failures in a row before a follow pauses (and says so in its channel, once). */
export const MAX_FAILURES = 5;
const MAX_BACKOFF_MINUTES = 6 * 60;

/** ±10%: processes and follows started together do not poll a site in step. */
const jitter = (minutes: number, random: () => number) => minutes * 60_000 * (0.9 + 0.2 * random());

export function afterSuccess(follow: Follow, now: Date, random: () => number): Follow {
  const { lastError: _dropped, ...rest } = follow;
  return {
    ...rest,
    failures: 0,
    lastCheckedAt: now.toISOString(),
    nextCheckAt: new Date(now.getTime() + jitter(follow.everyMinutes, random)).toISOString(),
  };
}

/** Exponential backoff: twice the interval after each failure in a row, at most six hours. */
export function afterFailure(follow: Follow, now: Date, random: () => number, reason: string): Follow {
  const failures = follow.failures + 1;
  const minutes = Math.min(MAX_BACKOFF_MINUTES, follow.everyMinutes * 2 ** failures);
  return {
    ...follow,
    failures,
    lastError: reason,
    lastCheckedAt: now.toISOString(),
    nextCheckAt: new Date(now.getTime() + jitter(minutes, random)).toISOString(),
  };
}

export const isDue = (follow: Follow, now: Date) =>
  !follow.paused && new Date(follow.nextCheckAt).getTime() <= now.getTime();
