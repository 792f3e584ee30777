import { randomBytes } from "node:crypto";
import type { LinkContent } from "../intake/read-link.ts";
import type { Follow } from "./schema.ts";

export interface FollowRequest {
  guildId: string;
  channelId: string;
  url: string;
  everyMinutes: number;
  /** Who asked ("discord:123", "cli:ana"). */
  actor: string;
  now: Date;
}

/** A new follow of a link already read once (its kind and title known), due for its first check now. */
export function newFollow(content: LinkContent, request: FollowRequest): Follow {
  const at = request.now.toISOString();
  const title = content.kind === "page" ? content.article.title : content.feed.title;
  return {
    id: randomBytes(4).toString("hex"),
    guildId: request.guildId,
    channelId: request.channelId,
    url: request.url,
    kind: content.kind,
    everyMinutes: request.everyMinutes,
    createdBy: request.actor,
    createdAt: at,
    nextCheckAt: at,
    failures: 0,
    seenItems: [],
    ...(title ? { title } : {}),
  };
}
