import { openWebView } from "../app.ts";
import { startBot } from "../discord/bot.ts";
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
  process.stderr.write(`newsdesk: bot stopped (${signal})\n`);
  return 0;
}
