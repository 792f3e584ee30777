/**
 * Time from an interaction arriving at the bot to its reply being accepted by Discord, on a cache hit,
 * measured against the local fake Discord (discord-digital-twin) on 127.0.0.1.
 */

import { Events, RESTEvents } from "discord.js";
import { ChannelType } from "discord-api-types/v10";
import { DigitalDiscord } from "discord-digital-twin";
import { openServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { startBot } from "../src/discord/bot.ts";
import { createLogger } from "../src/log.ts";

export async function benchDiscord(article: string, runs: number): Promise<string> {
  const discord = new DigitalDiscord({
    channels: [{ name: "breaking", type: ChannelType.GuildText }],
    users: [{ username: "reporter" }],
  });
  await discord.start();
  const log = createLogger("silent");
  const services = await openServices(loadConfig({ STORE_URL: "memory" }), log, { cache: true });
  const bot = await startBot({
    token: discord.botToken,
    apiUrl: discord.restUrl,
    services,
    log,
    maxArticleBytes: 200_000,
  });
  try {
    const channelId = (await discord.prisma.channel.findMany())[0]?.id ?? "";
    const userId = (await discord.getFirstNonBotUserId()) ?? "";
    const library = services.library;
    if (!library) throw new Error("no library");
    const { article: added } = await library.add({
      guildId: discord.guildId,
      text: article,
      origin: { kind: "paste" },
      addedBy: "bench",
    });
    await library.setChannelArticle(discord.guildId, channelId, added.id);

    const arrived = new Map<string, bigint>();
    const durations: number[] = [];
    bot.client.on(Events.InteractionCreate, (i) => {
      arrived.set(i.id, process.hrtime.bigint());
    });
    bot.client.rest.on(RESTEvents.Response, (request) => {
      const id = /\/interactions\/(\d+)\//.exec(request.path)?.[1];
      const start = id ? arrived.get(id) : undefined;
      if (id && start !== undefined) durations.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
    const actor = discord.channel(channelId).user(userId);
    for (let i = 0; i < runs + 5; i++) {
      const run = await actor.runSlashCommand({ name: i % 2 ? "summary" : "confirmed" });
      await discord.channel(channelId).waitForInteractionAck({ interactionId: run.id, timeout: 10_000 });
    }
    const measured = durations.slice(5).sort((a, b) => a - b); // the first few warm the cache and the JIT
    const at = (p: number) => measured[Math.min(measured.length - 1, Math.floor(measured.length * p))] ?? 0;
    return `discord: interaction arrived -> reply sent, cache hit, through the local fake Discord: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms over ${measured.length} slash commands`;
  } finally {
    await bot.stop();
    await services.close();
    await discord.stop();
  }
}
