import type { Reply } from "./reply.ts";

/** The bot can no longer post in a channel (deleted, or access removed): pause, do not retry forever. */
export class ChannelUnavailableError extends Error {
  override name = "ChannelUnavailableError";
}

/** Where scheduled digests and followed stories post: Discord in the bot, the terminal in the CLI, anything in tests. */
export interface Poster {
  post(channelId: string, reply: Reply): Promise<void>;
}
