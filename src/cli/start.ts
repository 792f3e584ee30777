import { openWebView, type Services, type WebView } from "../app.ts";
import { isRedisStore } from "../config.ts";
import { startBot } from "../discord/bot.ts";
import { startHttpBot } from "../discord/http-bot.ts";
import { runConsole } from "./console.ts";
import type { CliContext } from "./context.ts";
import { readArticleSource } from "./input.ts";
import { firstStopSignal } from "./signals.ts";

/** `npm start`: the bot when DISCORD_TOKEN is set, the local console on an article otherwise. */
export async function startCommand(ctx: CliContext, sampleArticle: string): Promise<number> {
  const services = await ctx.services();
  const token = ctx.config.DISCORD_TOKEN;
  if (!token) {
    const file = ctx.args[0] ?? sampleArticle;
    const text = await readArticleSource(file, ctx.config.MAX_ARTICLE_BYTES, ctx.io.stdin);
    const { digest } = await services.digests.digest(text);
    await runConsole(digest, file === sampleArticle ? "the sample article" : file, services.answerer, ctx.io);
    return 0;
  }
  if (ctx.config.INTERACTIONS_MODE === "http") return serveInteractions(ctx, services, token);
  // The web view (when WEB_PORT is set) runs beside the bot; a bot that fails to start closes it again.
  const web = await openWebView(ctx.config, services, ctx.log);
  const bot = await startBot({
    token,
    apiUrl: ctx.config.DISCORD_API_URL,
    services,
    log: ctx.log,
    maxArticleBytes: ctx.config.MAX_ARTICLE_BYTES,
    linkFor: web?.linkFor,
  }).catch(async (error: unknown) => {
    await web?.close();
    throw error;
  });
  ctx.io.stderr.write(
    `newsdesk: bot online as ${bot.client.user?.tag ?? "?"} (store: ${services.storeWhere}${web ? `; web view on port ${web.port}` : ""}); Ctrl-C to stop\n`,
  );
  const signal = await firstStopSignal();
  ctx.log.info({ signal }, "shutting down: finishing replies in flight");
  await bot.stop();
  await web?.close();
  ctx.io.stderr.write(`newsdesk: bot stopped (${signal})\n`);
  return 0;
}

/** INTERACTIONS_MODE=http: no gateway; Discord POSTs interactions to /interactions on the web server. */
async function serveInteractions(ctx: CliContext, services: Services, token: string): Promise<number> {
  const { config, log } = ctx;
  // Config refuses http mode without these; checked again so the types know it.
  if (!config.DISCORD_PUBLIC_KEY || config.WEB_PORT === undefined)
    throw new Error("http mode needs DISCORD_PUBLIC_KEY and WEB_PORT");
  if (!isRedisStore(config.STORE_URL))
    log.warn(
      { store: services.storeWhere },
      "http mode on a store only this process sees: run one process, or use a redis:// STORE_URL",
    );
  // The bot signs links with the server's settings, and the server serves the bot's endpoint.
  const links: { web?: WebView } = {};
  const bot = startHttpBot({
    token,
    apiUrl: config.DISCORD_API_URL,
    publicKey: config.DISCORD_PUBLIC_KEY,
    services,
    log,
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    linkFor: (guildId, articleId, version) => links.web?.linkFor(guildId, articleId, version) ?? "",
  });
  const web = await openWebView(config, services, log, {
    routes: [{ path: "/interactions", handle: bot.handle }],
  }).catch(async (error: unknown) => {
    await bot.stop();
    throw error;
  });
  if (!web) {
    await bot.stop();
    throw new Error("http mode needs the web server, and it did not start (is the store open?)");
  }
  links.web = web;
  ctx.io.stderr.write(
    `newsdesk: interactions endpoint on port ${web.port} (POST /interactions; store: ${services.storeWhere}); Ctrl-C to stop\n`,
  );
  const signal = await firstStopSignal();
  log.info({ signal }, "shutting down: finishing replies in flight");
  await bot.stop();
  await web.close();
  ctx.io.stderr.write(`newsdesk: interactions endpoint stopped (${signal})\n`);
  return 0;
}
