import { randomBytes } from "node:crypto";
import type { ChatInputCommandInteraction } from "discord.js";
import type { LibraryContext } from "../../commands/article.ts";
import { digestPost, scheduleList } from "../../commands/digest.ts";
import type { Services } from "../app.ts";
import { UserError } from "../errors.ts";
import { articleDigest } from "../library/article-digest.ts";
import type { Reply } from "../reply.ts";
import { STATUS_COLOR } from "../reply.ts";
import { nextRun, validateTiming } from "../schedule/timing.ts";
import { DiscordPoster } from "./poster.ts";

/** /digest post|schedule|schedules|unschedule. Returns the reply for the person who ran it. */
export async function digestCommand(
  services: Services,
  interaction: ChatInputCommandInteraction,
  ctx: LibraryContext,
): Promise<Reply> {
  const sub = interaction.options.getSubcommand();
  const schedules = services.schedules;
  if (!schedules) throw new UserError("Schedules need the store, which is not configured.");
  const channelId = interaction.options.getChannel("channel", false)?.id ?? ctx.channelId;
  const now = new Date();
  switch (sub) {
    case "post": {
      const { article, digest } = await articleDigest(ctx.library, services.digests, {
        guildId: ctx.guildId,
        channelId: ctx.channelId,
        id: interaction.options.getString("article", false) ?? undefined,
      });
      await new DiscordPoster(interaction.client).post(channelId, digestPost(digest));
      return note("Posted", `The digest of \`${article.id}\` is in <#${channelId}>.`);
    }
    case "schedule": {
      const cron = interaction.options.getString("cron", true).trim();
      const timezone = interaction.options.getString("timezone", false)?.trim() || "UTC";
      validateTiming(cron, timezone);
      const article = await ctx.library.resolve(
        ctx.guildId,
        ctx.channelId,
        interaction.options.getString("article", false) ?? undefined,
      );
      const schedule = {
        id: randomBytes(4).toString("hex"),
        guildId: ctx.guildId,
        channelId,
        articleId: article.id,
        cron,
        timezone,
        onlyChanges: interaction.options.getBoolean("only_changes", false) ?? false,
        createdBy: `discord:${ctx.userId}`,
        createdAt: now.toISOString(),
        lastRunAt: now.toISOString(),
      };
      await schedules.save(schedule);
      const next = nextRun(cron, timezone, now)?.toISOString().slice(0, 16).replace("T", " ");
      return note(
        `Scheduled ${schedule.id}`,
        `\`${article.id}\` → <#${channelId}>, \`${cron}\` (${timezone}); next post ${next} UTC.`,
      );
    }
    case "schedules":
      return scheduleList(await schedules.list(ctx.guildId), now);
    case "unschedule": {
      const id = interaction.options.getString("id", true).trim();
      await schedules.remove(ctx.guildId, id);
      return note(`Removed ${id}`, "That schedule will not post again.");
    }
    default:
      throw new UserError(`Unknown subcommand ${sub}.`);
  }
}

function note(title: string, description: string): Reply {
  return { embeds: [{ title, description, color: STATUS_COLOR.neutral, fields: [] }] };
}
