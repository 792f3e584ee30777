import type { Status } from "./digest/schema.ts";

/**
 * A reply as the command handlers build it: platform-neutral embeds that the Discord adapter and the
 * local console both render. Handlers never talk to Discord.
 */
export interface ReplyField {
  name: string;
  value: string;
}

export interface ReplyEmbed {
  title: string;
  description?: string;
  color: number;
  fields: ReplyField[];
  footer?: string;
}

export interface Reply {
  embeds: ReplyEmbed[];
}

export const STATUS_COLOR: Record<Status | "neutral" | "not_covered", number> = {
  confirmed: 0x2e7d32,
  unconfirmed: 0xf9a825,
  disputed: 0xc62828,
  unknown: 0x6a1b9a,
  not_covered: 0x757575,
  neutral: 0x1565c0,
};

/** A short neutral reply: what was done, in a title and a line or two. */
export function notice(title: string, description: string): Reply {
  return { embeds: [{ title, description, color: STATUS_COLOR.neutral, fields: [] }] };
}

/**
 * A channel named in a reply, left for the edge to render: Discord shows a link (<#id>), the console
 * "#id". Handlers never write a platform's markup themselves.
 */
export const channelRef = (channelId: string): string => `\u27e6#${channelId}\u27e7`;

const CHANNEL_REF = /\u27e6#([^\u27e7\s]+)\u27e7/g;

/** Every channel reference in `text`, rendered the edge's way. */
export const renderChannelRefs = (text: string, render: (channelId: string) => string): string =>
  text.replace(CHANNEL_REF, (_, id: string) => render(id));
