import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import { digestPost } from "../../commands/digest.ts";
import { followEventPost } from "../../commands/follow.ts";
import type { LinkFor } from "../../commands/types.ts";
import type { Services } from "../app.ts";
import { FollowRunner } from "../follow/runner.ts";
import type { Logger } from "../log.ts";
import { Scheduler } from "../schedule/scheduler.ts";
import { createDispatcher } from "./dispatcher.ts";
import { PageViews } from "./pages.ts";
import { DiscordPoster } from "./poster.ts";

export interface BotOptions {
  token: string;
  apiUrl: string;
  services: Services;
  log: Logger;
  maxArticleBytes: number;
  /** How often the scheduler looks for due posts; 0 leaves it to the caller (tests tick it themselves). */
  scheduleTickMs?: number;
  /** Signs links to the web view for the digest replies; undefined when the web view is off. */
  linkFor?: LinkFor | undefined;
}

export interface Bot {
  client: Client;
  /** Posts scheduled digests; undefined without a store. */
  scheduler: Scheduler | undefined;
  /** Checks followed pages and feeds; undefined without a store. */
  followRunner: FollowRunner | undefined;
  /** Stops taking interactions, lets the ones in flight finish, then disconnects. */
  stop(): Promise<void>;
}

/** The thin Discord edge: a discord.js client whose interactions all go through one dispatcher. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { services, log } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
  });
  // The runner needs the logged-in client to post; the dispatcher is made before login.
  const runnerRef: { current: FollowRunner | undefined } = { current: undefined };
  const dispatch = createDispatcher({
    services,
    log,
    get followRunner() {
      return runnerRef.current;
    },
    pages: new PageViews(services.views),
    maxArticleBytes: options.maxArticleBytes,
    linkFor: options.linkFor,
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) return;
    const work = dispatch(interaction).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "bot ready");
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
  runnerRef.current = followRunner;
  const tickMs = options.scheduleTickMs ?? 15_000;
  if (scheduler && tickMs > 0) scheduler.start(tickMs);
  if (followRunner && tickMs > 0) followRunner.start(tickMs);
  return {
    client,
    scheduler,
    followRunner,
    async stop() {
      accepting = false;
      await scheduler?.stop();
      await followRunner?.stop();
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
