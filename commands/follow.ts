import type { Digest, Statement } from "../src/digest/schema.ts";
import { BadInputError, UserError } from "../src/errors.ts";
import type { FollowEvent } from "../src/follow/check.ts";
import { newFollow } from "../src/follow/new-follow.ts";
import type { Follow } from "../src/follow/schema.ts";
import type { FollowStore } from "../src/follow/store.ts";
import { readLink } from "../src/intake/read-link.ts";
import { safe } from "../src/render/safe-text.ts";
import { statementLine, statusCounts } from "../src/render/statements.ts";
import { channelRef, notice, type Reply, type ReplyField, STATUS_COLOR } from "../src/reply.ts";
import {
  type CommandDefinition,
  type CommandInput,
  type GuildCommand,
  type GuildContext,
  integer,
  required,
  text,
} from "./types.ts";

/** /follow: poll a page or feed and post to a channel what changes. Changing follows needs Manage Messages. */
export const followDefinition = {
  name: "follow",
  description: "Follow a developing story: a live page or a feed",
  options: [],
  requires: "ManageMessages",
  subcommands: [
    {
      name: "add",
      description: "Follow a page or feed and post what changes",
      options: [
        {
          name: "url_or_feed",
          description: "Link to the page or feed",
          type: "string",
          required: true,
          maxLength: 2000,
        },
        {
          name: "channel",
          description: "Where changes are posted (default: here)",
          type: "channel",
          required: false,
        },
        {
          name: "every",
          description: "Minutes between checks (default 5, at least 1)",
          type: "integer",
          required: false,
        },
      ],
    },
    { name: "list", description: "This server's follows, with when each is checked next", options: [] },
    {
      name: "stop",
      description: "Stop following",
      options: [{ name: "id", description: "Follow id (see /follow list)", type: "string", required: true }],
    },
  ],
} as const satisfies CommandDefinition;

export const CHANGES_FOLLOWS: ReadonlySet<string> = new Set(["add", "stop"]);

const FIELD_MAX = 1024;
const ITEMS_PER_FIELD = 8;

/** A section of at most a few lines, each cut to fit one embed field. */
function field(name: string, lines: string[]): ReplyField[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, ITEMS_PER_FIELD);
  const more = lines.length - shown.length;
  let value = shown.map((l) => `• ${l}`).join("\n");
  if (more > 0) value += `\n… and ${more} more`;
  if (value.length > FIELD_MAX) value = `${value.slice(0, FIELD_MAX - 1)}…`;
  return [{ name, value }];
}

const line = (digest: Digest, s: Statement) => statementLine(digest, s, safe);

/** What changed in a followed story, in a reporter's terms: who says it now, and where (¶). */
export function followChangePost(follow: Follow, event: Extract<FollowEvent, { kind: "changed" }>): Reply {
  const { change, digest, previous } = event;
  const to = (status: Statement["status"]) => change.statusChanged.filter((c) => c.after.status === status);
  const fields = [
    ...field(
      "Now confirmed",
      to("confirmed").map((c) => `${line(digest, c.after)} (was ${c.before.status})`),
    ),
    ...field(
      "Now disputed",
      to("disputed").map((c) => `${line(digest, c.after)} (was ${c.before.status})`),
    ),
    ...field(
      "Other status changes",
      change.statusChanged
        .filter((c) => c.after.status !== "confirmed" && c.after.status !== "disputed")
        .map((c) => `${c.before.status} → ${c.after.status}: ${line(digest, c.after)}`),
    ),
    ...field(
      "New",
      change.added.map((s) => `(${s.status}) ${line(digest, s)}`),
    ),
    ...field(
      "Withdrawn or no longer in the story",
      change.removed.map((s) => `(${s.status}) ${line(previous, s)}`),
    ),
    ...field(
      "New sources",
      change.newSources.map((s) => `${safe(s.name)} [${s.kind}]`),
    ),
  ];
  return {
    embeds: [
      {
        title: `Update: ${safe(event.article.title)}`.slice(0, 256),
        description: `Version ${event.to} of \`${event.article.id}\` (${statusCounts(digest)}), from ${safe(follow.url)}`,
        color: to("confirmed").length > 0 ? STATUS_COLOR.confirmed : STATUS_COLOR.disputed,
        fields,
        footer: `follow ${follow.id} · /article changes ${event.article.id}`,
      },
    ],
  };
}

/** New items of a followed feed, each now an article in the library. */
export function followItemsPost(follow: Follow, event: Extract<FollowEvent, { kind: "new-items" }>): Reply {
  const lines = event.items.map(
    (i) =>
      `\`${i.article.id}\` ${safe(i.article.title)} — ${statusCounts(i.digest)}${i.link ? ` ${safe(i.link)}` : ""}`,
  );
  return {
    embeds: [
      {
        title: `New in ${safe(follow.title ?? follow.url)}`.slice(0, 256),
        color: STATUS_COLOR.neutral,
        fields: field(
          `${event.items.length} new article${event.items.length === 1 ? "" : "s"} in the library`,
          lines,
        ),
        footer: `follow ${follow.id}`,
      },
    ],
  };
}

/** Said once, in the follow's channel, when checks stop after repeated failures. */
export function followPausedPost(follow: Follow, reason: string): Reply {
  return {
    embeds: [
      {
        title: "Stopped following a story",
        description: `${safe(follow.title ?? follow.url)}: ${safe(reason)}. Add it again with /follow add once the link works.`,
        color: STATUS_COLOR.not_covered,
        fields: [],
        footer: `follow ${follow.id}`,
      },
    ],
  };
}

export function followEventPost(follow: Follow, event: FollowEvent): Reply {
  switch (event.kind) {
    case "changed":
      return followChangePost(follow, event);
    case "new-items":
      return followItemsPost(follow, event);
    case "paused":
      return followPausedPost(follow, event.reason);
  }
}

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** /follow list: each follow, where it posts, and its health (next check, failures and why, paused). */
export function followList(follows: Follow[]): Reply {
  const rows = follows.map((f) => {
    const state = f.paused
      ? `paused: ${safe(f.paused.reason)}`
      : f.failures > 0
        ? `failing (${f.failures} in a row: ${safe(f.lastError ?? "unknown")}); next try ${when(f.nextCheckAt)}`
        : `next check ${when(f.nextCheckAt)}`;
    return `• \`${f.id}\` ${f.kind} ${safe(f.title ?? f.url)} → ${channelRef(f.channelId)}, every ${f.everyMinutes} min — ${state}`;
  });
  return {
    embeds: [
      {
        title: "Follows",
        description: rows.join("\n").slice(0, 4000) || "Nothing is followed: start with /follow add.",
        color: STATUS_COLOR.neutral,
        fields: [],
      },
    ],
  };
}

const DEFAULT_EVERY_MINUTES = 5;
// Each follow polls a site every few minutes: a bound keeps one server from turning the bot into a crawler.
const MAX_FOLLOWS_PER_GUILD = 50;

/** /follow add|list|stop. */
export const followCommand: GuildCommand<typeof followDefinition> = {
  definition: followDefinition,
  changes: new Set(["add", "stop"]),
  async handle(ctx, input) {
    const follows = ctx.follows;
    if (!follows) throw new UserError("Following needs the store, which is not configured.");
    switch (input.subcommand) {
      case "add":
        return addFollow(ctx, follows, input);
      case "list":
        return followList(await follows.list(ctx.guildId));
      case "stop": {
        const id = required(input, "id");
        const follow = await follows.get(ctx.guildId, id);
        await follows.remove(ctx.guildId, id);
        return notice(
          "Stopped following",
          `${safe(follow.title ?? follow.url)} (\`${id}\`). Its articles stay in the library.`,
        );
      }
      default:
        throw new UserError(`Unknown subcommand ${input.subcommand}.`);
    }
  },
};

async function addFollow(ctx: GuildContext, follows: FollowStore, input: CommandInput): Promise<Reply> {
  const url = required(input, "url_or_feed");
  const every = integer(input, "every") ?? DEFAULT_EVERY_MINUTES;
  if (every < 1 || every > 1440) throw new BadInputError("`every` is in minutes, from 1 to 1440.");
  const channelId = text(input, "channel") ?? ctx.channelId;
  const existing = await follows.list(ctx.guildId);
  const same = existing.find((f) => f.url === url && f.channelId === channelId);
  if (same)
    throw new BadInputError(`That link is already followed into ${channelRef(channelId)} as \`${same.id}\`.`);
  if (existing.length >= MAX_FOLLOWS_PER_GUILD)
    throw new BadInputError(
      `This server follows ${existing.length} stories, the most it may; stop one with /follow stop first.`,
    );
  // Read once now: a refused or unreadable link is said here, not in a channel minutes later.
  const content = await readLink(ctx.intake, url);
  const follow = newFollow(content, {
    guildId: ctx.guildId,
    channelId,
    url,
    everyMinutes: every,
    actor: ctx.actor,
    now: new Date(),
  });
  await follows.save(follow);
  await ctx.checkNow?.(follow); // the first version (or the feed's newest items) goes in at once
  const saved = await follows.get(ctx.guildId, follow.id);
  const what =
    saved.kind === "page"
      ? saved.articleId
        ? `Version 1 is in the library as \`${saved.articleId}\`.`
        : "The first version goes into the library at the next check."
      : `${saved.seenItems.length} item${saved.seenItems.length === 1 ? "" : "s"} seen in the feed.`;
  return notice(
    `Following ${follow.id}`,
    `${safe(saved.title ?? url)} (${saved.kind}) → ${channelRef(channelId)}, checked every ${every} min. ${what} Changes are posted there.`,
  );
}
