import { userInfo } from "node:os";
import { followEventPost } from "../../commands/follow.ts";
import { UserError } from "../errors.ts";
import { newFollow } from "../follow/new-follow.ts";
import { FollowRunner } from "../follow/runner.ts";
import { readLink } from "../intake/read-link.ts";
import { renderReplyText } from "../render/reply-text.ts";
import { type CliContext, type CliIo, needArg, UsageError } from "./context.ts";

/** Where a follow posts when run from the CLI: the terminal, under the channel's id. */
const printPoster = (io: CliIo) => ({
  post: async (channelId: string, reply: Parameters<typeof renderReplyText>[0]) => {
    io.stdout.write(`--- post to channel ${channelId} ---\n${renderReplyText(reply)}\n`);
  },
});

/** newsdesk follow add URL [--channel C] [--every N] | list | stop ID | run-once, in guild --guild. */
export async function followCommand(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  const services = await ctx.services();
  const { follows, library } = services;
  if (!follows || !library) throw new UserError("following needs the store: drop --no-cache");
  const guildId = ctx.flags.guild;
  switch (sub) {
    case "add": {
      const url = needArg(rest[0], "URL");
      const every = Number(ctx.flags.every ?? 5);
      if (!Number.isInteger(every) || every < 1 || every > 1440)
        throw new UsageError("--every is in minutes, from 1 to 1440");
      const content = await readLink(services.intake, url);
      const follow = newFollow(content, {
        guildId,
        channelId: ctx.flags.channel ?? "cli",
        url,
        everyMinutes: every,
        actor: `cli:${userInfo().username}`,
        now: new Date(),
      });
      await follows.save(follow);
      ctx.io.stdout.write(
        `following ${follow.id}: ${follow.title ?? url} (${follow.kind}, every ${every} min)\n`,
      );
      return 0;
    }
    case "list": {
      const all = await follows.list(guildId);
      if (all.length === 0) ctx.io.stdout.write("nothing is followed: `newsdesk follow add URL`\n");
      for (const f of all) {
        const state = f.paused
          ? `paused: ${f.paused.reason}`
          : f.failures > 0
            ? `failing (${f.failures}): ${f.lastError ?? ""}`
            : `next ${f.nextCheckAt}`;
        ctx.io.stdout.write(`${f.id}\t${f.kind}\t${f.url}\tevery ${f.everyMinutes} min\t${state}\n`);
      }
      return 0;
    }
    case "stop": {
      const id = needArg(rest[0], "ID");
      await follows.remove(guildId, id);
      ctx.io.stdout.write(`stopped ${id}\n`);
      return 0;
    }
    case "run-once": {
      // Every follow of the guild checked now, posts printed: what the bot would post to each channel.
      const runner = new FollowRunner({
        store: follows,
        library,
        intake: services.intake,
        lease: services.lease,
        poster: printPoster(ctx.io),
        render: followEventPost,
        log: ctx.log,
      });
      for (const f of await follows.list(guildId)) {
        const outcome = await runner.runDue(f, true);
        ctx.io.stdout.write(`${f.id}: ${outcome ?? "skipped (paused, or checked by another process)"}\n`);
      }
      return 0;
    }
    default:
      throw new UsageError("follow needs one of: add URL [--channel C] [--every N], list, stop ID, run-once");
  }
}
