import type { Intake } from "../intake/types.ts";
import type { ArticleLibrary } from "../library/library.ts";
import type { Logger } from "../log.ts";
import { ChannelUnavailableError, type Poster } from "../poster.ts";
import type { Reply } from "../reply.ts";
import type { Lease } from "../store/lease.ts";
import { Ticker } from "../util/ticker.ts";
import { type CheckOutcome, checkFollow, type FollowEvent } from "./check.ts";
import type { Follow } from "./schema.ts";
import type { FollowStore } from "./store.ts";
import { isDue } from "./timing.ts";

export interface FollowRunnerOptions {
  store: FollowStore;
  library: ArticleLibrary;
  intake: Intake;
  lease: Lease;
  poster: Poster;
  /** The post for what happened to a follow (the edge supplies /follow's). */
  render: (follow: Follow, event: FollowEvent) => Reply;
  log: Logger;
  now?: () => Date;
  random?: () => number;
}

// Long enough for a slow site (15 s) and a feed's items; a crashed holder delays the next check by two minutes.
const LEASE_MS = 120_000;

/**
 * Polls due follows. Every process may tick; a lease per follow and a re-read under it make each check,
 * and so each post, happen once across processes (the version is stored before the post goes out).
 */
export class FollowRunner {
  private readonly ticker: Ticker;

  constructor(private readonly options: FollowRunnerOptions) {
    this.ticker = new Ticker(() => this.tick(), options.log, "follow");
  }

  /** Ticks now (a run missed while the bot was down happens on start) and then every interval. */
  start(intervalMs = 15_000): void {
    this.ticker.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.ticker.stop();
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** Checks every follow due now; returns what happened to each follow checked. */
  async tick(): Promise<Map<string, CheckOutcome>> {
    const outcomes = new Map<string, CheckOutcome>();
    for (const follow of await this.options.store.all()) {
      if (!isDue(follow, this.now())) continue;
      const outcome = await this.runDue(follow);
      if (outcome) outcomes.set(follow.id, outcome);
    }
    return outcomes;
  }

  /** Checks one follow now if it is still due (or `force`) and no other process holds it. */
  async runDue(follow: Follow, force = false): Promise<CheckOutcome | undefined> {
    const name = `follow:${follow.id}`;
    const token = await this.options.lease.acquire(name, LEASE_MS);
    if (!token) return undefined; // another process is checking it
    try {
      // Re-read under the lease: another process may have checked it a moment ago.
      const fresh = await this.options.store.get(follow.guildId, follow.id).catch(() => undefined);
      if (!fresh || fresh.paused || (!force && !isDue(fresh, this.now()))) return undefined;
      return await this.check(fresh);
    } finally {
      await this.options.lease.release(name, token).catch(() => {});
    }
  }

  private async check(follow: Follow): Promise<CheckOutcome> {
    const { store, poster, log } = this.options;
    const context = { follow: follow.id, guild: follow.guildId, channel: follow.channelId };
    const result = await checkFollow(follow, {
      intake: this.options.intake,
      library: this.options.library,
      now: this.now(),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
    let saved = result.follow;
    if (result.outcome === "failed") log.warn({ ...context, reason: saved.lastError }, "follow check failed");
    for (const event of result.events) {
      try {
        await poster.post(follow.channelId, this.options.render(saved, event));
        log.info({ ...context, event: event.kind }, "follow posted");
      } catch (error) {
        if (!(error instanceof ChannelUnavailableError)) {
          log.error({ ...context, err: error }, "follow post failed");
          continue;
        }
        saved = { ...saved, paused: { reason: error.message, at: this.now().toISOString() } };
        log.warn({ ...context, reason: error.message }, "follow paused");
        break;
      }
    }
    await store.save(saved);
    return saved.paused && !follow.paused ? "paused" : result.outcome;
  }
}
