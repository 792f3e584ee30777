import type { Client } from "discord.js";
import { digestPost } from "../../commands/digest.ts";
import { followEventPost } from "../../commands/follow.ts";
import type { Services } from "../app.ts";
import { FollowRunner } from "../follow/runner.ts";
import type { Logger } from "../log.ts";
import { Scheduler } from "../schedule/scheduler.ts";
import { DiscordPoster } from "./poster.ts";

export interface Runners {
  /** Posts scheduled digests; undefined without a store. */
  scheduler: Scheduler | undefined;
  /** Checks followed pages and feeds; undefined without a store. */
  followRunner: FollowRunner | undefined;
  stop(): Promise<void>;
}

/**
 * The scheduler and the follow runner, posting through the client's REST API. Gateway and HTTP
 * processes alike run them: leases in the shared store make each post happen once.
 * `tickMs` 0 leaves ticking to the caller (tests tick them themselves).
 */
export function startRunners(client: Client, services: Services, log: Logger, tickMs: number): Runners {
  const poster = new DiscordPoster(client);
  const scheduler =
    services.schedules && services.library
      ? new Scheduler({
          store: services.schedules,
          library: services.library,
          digests: services.digests,
          lease: services.lease,
          poster,
          compose: digestPost,
          log,
        })
      : undefined;
  const followRunner =
    services.follows && services.library
      ? new FollowRunner({
          store: services.follows,
          library: services.library,
          intake: services.intake,
          lease: services.lease,
          poster,
          render: followEventPost,
          log,
        })
      : undefined;
  if (scheduler && tickMs > 0) scheduler.start(tickMs);
  if (followRunner && tickMs > 0) followRunner.start(tickMs);
  return {
    scheduler,
    followRunner,
    async stop() {
      await scheduler?.stop();
      await followRunner?.stop();
    },
  };
}
