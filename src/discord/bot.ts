import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { Services } from "../app.ts";
import type { Logger } from "../log.ts";
import { createDispatcher } from "./dispatcher.ts";
import { PageViews } from "./pages.ts";

export interface BotOptions {
  token: string;
  apiUrl: string;
  services: Services;
  log: Logger;
  maxArticleBytes: number;
}

export interface Bot {
  client: Client;
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
  const dispatch = createDispatcher({
    services,
    log,
    pages: new PageViews(),
    maxArticleBytes: options.maxArticleBytes,
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
  return {
    client,
    async stop() {
      accepting = false;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
