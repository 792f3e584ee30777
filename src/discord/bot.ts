import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { LinkFor } from "../../commands/types.ts";
import type { Services } from "../app.ts";
import type { FollowRunner } from "../follow/runner.ts";
import type { Logger } from "../log.ts";
import type { Scheduler } from "../schedule/scheduler.ts";
import { edgeDispatcher } from "./dispatcher.ts";
import { startRunners } from "./runners.ts";

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
  const { dispatch, attach } = edgeDispatcher({
    services,
    log,
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
  const runners = startRunners(client, services, log, options.scheduleTickMs ?? 15_000);
  attach(runners.followRunner);
  return {
    client,
    scheduler: runners.scheduler,
    followRunner: runners.followRunner,
    async stop() {
      accepting = false;
      await runners.stop();
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
