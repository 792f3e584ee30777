import type { Digest, Statement } from "../src/digest/schema.ts";
import type { FollowEvent } from "../src/follow/check.ts";
import type { Follow } from "../src/follow/schema.ts";
import { safe } from "../src/render/safe-text.ts";
import { statementLine, statusCounts } from "../src/render/statements.ts";
import { type Reply, type ReplyField, STATUS_COLOR } from "../src/reply.ts";
import type { CommandDefinition } from "./types.ts";

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
    return `• \`${f.id}\` ${f.kind} ${safe(f.title ?? f.url)} → <#${f.channelId}>, every ${f.everyMinutes} min — ${state}`;
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
