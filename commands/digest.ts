import { randomBytes } from "node:crypto";
import type { Digest } from "../src/digest/schema.ts";
import { UserError } from "../src/errors.ts";
import { articleDigest } from "../src/library/article-digest.ts";
import type { DigestDiff } from "../src/library/diff.ts";
import { safe } from "../src/render/safe-text.ts";
import { statementLine } from "../src/render/statements.ts";
import { channelRef, notice, type Reply, STATUS_COLOR } from "../src/reply.ts";
import type { Schedule } from "../src/schedule/schema.ts";
import { nextRun, validateTiming } from "../src/schedule/timing.ts";
import { briefReply } from "./brief.ts";
import { type CommandDefinition, flag, type GuildCommand, required, text } from "./types.ts";

const article = {
  name: "article",
  description: "Article id (defaults to the channel's current article)",
  type: "string",
  required: false,
  autocomplete: true,
} as const;
const channel = {
  name: "channel",
  description: "Where to post (default: here)",
  type: "channel",
  required: false,
} as const;

/** /digest: post the story's state to a channel now or on a schedule. Changing schedules needs Manage Messages. */
export const digestPostDefinition = {
  name: "digest",
  description: "Post the story's digest to a channel, now or on a schedule",
  options: [],
  requires: "ManageMessages",
  subcommands: [
    { name: "post", description: "Post the current digest now", options: [article, channel] },
    {
      name: "schedule",
      description: "Post the digest on a schedule",
      options: [
        {
          name: "cron",
          description: "When, as cron: */30 * * * * (every 30 min), 0 8 * * * (08:00)",
          type: "string",
          required: true,
          maxLength: 100,
        },
        article,
        channel,
        {
          name: "timezone",
          description: "IANA time zone, e.g. Europe/Paris (default UTC)",
          type: "string",
          required: false,
          maxLength: 64,
        },
        {
          name: "only_changes",
          description: "Post only when the article has a new version",
          type: "boolean",
          required: false,
        },
      ],
    },
    { name: "schedules", description: "List this server's schedules and their next run", options: [] },
    {
      name: "unschedule",
      description: "Remove a schedule",
      options: [
        {
          name: "id",
          description: "Schedule id (see /digest schedules)",
          type: "string",
          required: true,
          maxLength: 12,
        },
      ],
    },
  ],
} as const satisfies CommandDefinition;

export const CHANGES_SCHEDULES: ReadonlySet<string> = new Set(["post", "schedule", "unschedule"]);

/** A post: the brief, and what changed since the version last posted when there is a newer one. */
export function digestPost(digest: Digest, changes?: { from: number; to: number; diff: DigestDiff }): Reply {
  const brief = briefReply(digest);
  if (!changes) return brief;
  const { diff } = changes;
  const line = (s: Parameters<typeof statementLine>[1]) => `• ${statementLine(digest, s, safe)}`;
  const section = (name: string, items: string[]) =>
    items.length > 0 ? [{ name, value: items.join("\n") }] : [];
  const fields = [
    ...section(
      "Newly confirmed",
      diff.statusChanged.filter((c) => c.after.status === "confirmed").map((c) => line(c.after)),
    ),
    ...section(
      "Newly disputed",
      diff.statusChanged.filter((c) => c.after.status === "disputed").map((c) => line(c.after)),
    ),
    ...section(
      "Other status changes",
      diff.statusChanged
        .filter((c) => c.after.status !== "confirmed" && c.after.status !== "disputed")
        .map((c) => `• ${c.before.status} → ${c.after.status}: ${safe(c.after.claim)}`),
    ),
    ...section(
      "New",
      diff.added.map((s) => `• (${s.status}) ${safe(s.claim)}`),
    ),
    ...section(
      "Withdrawn or no longer in the story",
      diff.removed.map((s) => `• (${s.status}) ${safe(s.claim)}`),
    ),
  ];
  return {
    embeds: [
      {
        title: `What changed since the last post (version ${changes.from} → ${changes.to})`,
        ...(fields.length === 0
          ? { description: "A new version, with no change in what the article says." }
          : {}),
        color: STATUS_COLOR.disputed,
        fields,
      },
      ...brief.embeds,
    ],
  };
}

export function scheduleList(schedules: Schedule[], now: Date): Reply {
  const rows = schedules.map((s) => {
    const next = s.paused
      ? `paused: ${safe(s.paused.reason)}`
      : `next ${nextRun(s.cron, s.timezone, now)?.toISOString().slice(0, 16).replace("T", " ") ?? "never"} UTC`;
    return `• \`${s.id}\` \`${s.cron}\` (${s.timezone}) → ${channelRef(s.channelId)}, ${safe(s.articleId)}${s.onlyChanges ? ", only changes" : ""} — ${next}`;
  });
  return {
    embeds: [
      {
        title: "Scheduled digest posts",
        description: rows.join("\n") || "No schedules. Create one with /digest schedule.",
        color: STATUS_COLOR.neutral,
        fields: [],
      },
    ],
  };
}

/** /digest post|schedule|schedules|unschedule: the channel's story now, or on a schedule. */
export const digestCommand: GuildCommand<typeof digestPostDefinition> = {
  definition: digestPostDefinition,
  changes: new Set(["post", "schedule", "unschedule"]),
  async handle(ctx, input) {
    const schedules = ctx.schedules;
    if (!schedules) throw new UserError("Schedules need the store, which is not configured.");
    const channelId = text(input, "channel") ?? ctx.channelId;
    const now = new Date();
    switch (input.subcommand) {
      case "post": {
        const { article, digest } = await articleDigest(ctx.library, ctx.digests, {
          guildId: ctx.guildId,
          channelId: ctx.channelId,
          id: text(input, "article"),
        });
        await ctx.poster.post(channelId, digestPost(digest));
        return notice("Posted", `The digest of \`${article.id}\` is in ${channelRef(channelId)}.`);
      }
      case "schedule": {
        const cron = required(input, "cron");
        const timezone = text(input, "timezone") || "UTC";
        validateTiming(cron, timezone);
        const article = await ctx.library.resolve(ctx.guildId, ctx.channelId, text(input, "article"));
        const schedule = {
          id: randomBytes(4).toString("hex"),
          guildId: ctx.guildId,
          channelId,
          articleId: article.id,
          cron,
          timezone,
          onlyChanges: flag(input, "only_changes") ?? false,
          createdBy: ctx.actor,
          createdAt: now.toISOString(),
          lastRunAt: now.toISOString(),
        };
        await schedules.save(schedule);
        const next = nextRun(cron, timezone, now)?.toISOString().slice(0, 16).replace("T", " ");
        return notice(
          `Scheduled ${schedule.id}`,
          `\`${article.id}\` → ${channelRef(channelId)}, \`${cron}\` (${timezone}); next post ${next} UTC.`,
        );
      }
      case "schedules":
        return scheduleList(await schedules.list(ctx.guildId), now);
      case "unschedule": {
        const id = required(input, "id");
        await schedules.remove(ctx.guildId, id);
        return notice(`Removed ${id}`, "That schedule will not post again.");
      }
      default:
        throw new UserError(`Unknown subcommand ${input.subcommand}.`);
    }
  },
};
