import { randomBytes } from "node:crypto";
import type { ChatInputCommandInteraction } from "discord.js";
import type { LibraryContext } from "../../commands/article.ts";
import { followList } from "../../commands/follow.ts";
import type { Services } from "../app.ts";
import { BadInputError, UserError } from "../errors.ts";
import type { FollowRunner } from "../follow/runner.ts";
import type { Follow } from "../follow/schema.ts";
import { readLink } from "../intake/read-link.ts";
import { safe } from "../render/safe-text.ts";
import { type Reply, STATUS_COLOR } from "../reply.ts";

const DEFAULT_EVERY_MINUTES = 5;
// Each follow polls a site every few minutes: a bound keeps one server from turning the bot into a crawler.
const MAX_FOLLOWS_PER_GUILD = 50;

/** /follow add|list|stop. Returns the reply for the person who ran it. */
export async function followCommand(
  services: Services,
  runner: FollowRunner | undefined,
  interaction: ChatInputCommandInteraction,
  ctx: LibraryContext,
): Promise<Reply> {
  const follows = services.follows;
  if (!follows) throw new UserError("Following needs the store, which is not configured.");
  switch (interaction.options.getSubcommand()) {
    case "add": {
      const url = interaction.options.getString("url_or_feed", true).trim();
      const every = interaction.options.getInteger("every", false) ?? DEFAULT_EVERY_MINUTES;
      if (every < 1 || every > 1440) throw new BadInputError("`every` is in minutes, from 1 to 1440.");
      const channelId = interaction.options.getChannel("channel", false)?.id ?? ctx.channelId;
      const existing = await follows.list(ctx.guildId);
      const same = existing.find((f) => f.url === url && f.channelId === channelId);
      if (same)
        throw new BadInputError(`That link is already followed into <#${channelId}> as \`${same.id}\`.`);
      if (existing.length >= MAX_FOLLOWS_PER_GUILD)
        throw new BadInputError(
          `This server follows ${existing.length} stories, the most it may; stop one with /follow stop first.`,
        );
      // Read once now: a refused or unreadable link is said here, not in a channel minutes later.
      const content = await readLink(services.intake, url);
      const now = new Date().toISOString();
      const follow: Follow = {
        id: randomBytes(4).toString("hex"),
        guildId: ctx.guildId,
        channelId,
        url,
        kind: content.kind,
        everyMinutes: every,
        createdBy: `discord:${ctx.userId}`,
        createdAt: now,
        nextCheckAt: now,
        failures: 0,
        seenItems: [],
        ...(content.kind === "page" ? { title: content.article.title } : {}),
        ...(content.kind === "feed" && content.feed.title ? { title: content.feed.title } : {}),
      };
      await follows.save(follow);
      await runner?.runDue(follow); // the first version (or the feed's newest items) goes in at once
      const saved = await follows.get(ctx.guildId, follow.id);
      const what =
        saved.kind === "page"
          ? saved.articleId
            ? `Version 1 is in the library as \`${saved.articleId}\`.`
            : "The first version goes into the library at the next check."
          : `${saved.seenItems.length} item${saved.seenItems.length === 1 ? "" : "s"} seen in the feed.`;
      return note(
        `Following ${follow.id}`,
        `${safe(saved.title ?? url)} (${saved.kind}) → <#${channelId}>, checked every ${every} min. ${what} Changes are posted there.`,
      );
    }
    case "list":
      return followList(await follows.list(ctx.guildId));
    case "stop": {
      const id = interaction.options.getString("id", true).trim();
      const follow = await follows.get(ctx.guildId, id);
      await follows.remove(ctx.guildId, id);
      return note(
        "Stopped following",
        `${safe(follow.title ?? follow.url)} (\`${id}\`). Its articles stay in the library.`,
      );
    }
    default:
      throw new UserError("Unknown subcommand.");
  }
}

function note(title: string, description: string): Reply {
  return { embeds: [{ title, description, color: STATUS_COLOR.neutral, fields: [] }] };
}
