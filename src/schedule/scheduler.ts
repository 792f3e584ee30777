import type { Digest } from "../digest/schema.ts";
import { NotFoundError } from "../errors.ts";
import { articleDigest } from "../library/article-digest.ts";
import type { DigestDiff } from "../library/diff.ts";
import type { ArticleLibrary } from "../library/library.ts";
import type { Logger } from "../log.ts";
import { ChannelUnavailableError, type Poster } from "../poster.ts";
import type { Reply } from "../reply.ts";
import type { DigestService } from "../store/digest-service.ts";
import type { Lease } from "../store/lease.ts";
import { Ticker } from "../util/ticker.ts";
import type { Schedule } from "./schema.ts";
import type { ScheduleStore } from "./store.ts";
import { dueRun } from "./timing.ts";

export interface SchedulerOptions {
  store: ScheduleStore;
  library: ArticleLibrary;
  digests: DigestService;
  lease: Lease;
  poster: Poster;
  /** The post for a digest, with what changed since the version last posted (the edge supplies /digest's). */
  compose: (digest: Digest, changes?: { from: number; to: number; diff: DigestDiff }) => Reply;
  log: Logger;
  now?: () => Date;
}

// Long enough for one post; short enough that a crashed holder delays the next process by a minute at most.
const LEASE_MS = 60_000;

export type RunOutcome = "posted" | "unchanged" | "paused" | "failed";

/**
 * Runs due schedules. Every process may tick; a lease per schedule and a re-read of its last run make each
 * run post once across processes, and a run missed during downtime posts once, not once per missed slot.
 */
export class Scheduler {
  private readonly ticker: Ticker;

  constructor(private readonly options: SchedulerOptions) {
    this.ticker = new Ticker(() => this.tick(), options.log, "scheduler");
  }

  /** Ticks now (a run missed while the bot was down happens on start) and then every interval. */
  start(intervalMs = 15_000): void {
    this.ticker.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.ticker.stop();
  }

  /** Handles every schedule due at `now`; returns what happened to each schedule that ran. */
  async tick(now = (this.options.now ?? (() => new Date()))()): Promise<Map<string, RunOutcome>> {
    const outcomes = new Map<string, RunOutcome>();
    for (const schedule of await this.options.store.all()) {
      if (schedule.paused || !dueRun(schedule, now)) continue;
      const token = await this.options.lease.acquire(`schedule:${schedule.id}`, LEASE_MS);
      if (!token) continue; // another process has it
      try {
        // Re-read under the lease: another process may have handled this run a moment ago.
        const fresh = await this.options.store.get(schedule.guildId, schedule.id).catch(() => undefined);
        if (!fresh || fresh.paused || !dueRun(fresh, now)) continue;
        outcomes.set(fresh.id, await this.runOne(fresh, now));
      } finally {
        await this.options.lease.release(`schedule:${schedule.id}`, token).catch(() => {});
      }
    }
    return outcomes;
  }

  private async runOne(schedule: Schedule, now: Date): Promise<RunOutcome> {
    const { library, digests, poster, store, log } = this.options;
    const context = {
      schedule: schedule.id,
      guild: schedule.guildId,
      channel: schedule.channelId,
      article: schedule.articleId,
    };
    const handled = { ...schedule, lastRunAt: now.toISOString() };
    try {
      const article = await library.get(schedule.guildId, schedule.articleId);
      const latest = article.versions.length;
      const changed = schedule.lastPostedVersion === undefined || latest > schedule.lastPostedVersion;
      if (schedule.onlyChanges && !changed) {
        await store.save(handled);
        return "unchanged";
      }
      const { digest } = await articleDigest(library, digests, {
        guildId: schedule.guildId,
        id: schedule.articleId,
        version: latest,
      });
      const from = schedule.lastPostedVersion;
      const changes =
        from !== undefined && latest > from
          ? await library.diff(schedule.guildId, schedule.articleId, from, latest)
          : undefined;
      await poster.post(schedule.channelId, this.options.compose(digest, changes));
      await store.save({ ...handled, lastPostedVersion: latest });
      log.info({ ...context, version: latest }, "scheduled digest posted");
      return "posted";
    } catch (error) {
      if (error instanceof ChannelUnavailableError || error instanceof NotFoundError) {
        const reason =
          error instanceof NotFoundError ? `the article is gone (${error.message})` : error.message;
        await store.save({ ...handled, paused: { reason, at: now.toISOString() } });
        log.warn({ ...context, reason }, "schedule paused");
        return "paused";
      }
      // Anything else: logged, and the run counts as handled so a broken run does not repeat every tick.
      await store.save(handled).catch(() => {});
      log.error({ ...context, err: error }, "scheduled post failed");
      return "failed";
    }
  }
}
