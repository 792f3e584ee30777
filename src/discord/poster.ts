import { type Client, DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import { ChannelUnavailableError, type Poster } from "../poster.ts";
import type { Reply } from "../reply.ts";
import { pagePayload } from "./pages.ts";
import { paginate } from "./paginate.ts";

const GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

/** Posts a reply into a channel as plain messages, one per page (no buttons: nobody is waiting on them). */
export class DiscordPoster implements Poster {
  constructor(private readonly client: Client) {}

  async post(channelId: string, reply: Reply): Promise<void> {
    try {
      // An HTTP-mode process has no gateway and so no guild cache: the channel is fetched over REST alone.
      const channel = await this.client.channels.fetch(channelId, { allowUnknownGuild: true });
      if (!channel?.isSendable()) throw new ChannelUnavailableError(`cannot post in channel ${channelId}`);
      const pages = reply.embeds.flatMap(paginate);
      for (let i = 0; i < pages.length; i++) {
        const { embeds, allowedMentions } = pagePayload(pages, i);
        await channel.send({ embeds, allowedMentions });
      }
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === "number" && GONE.has(error.code))
        throw new ChannelUnavailableError(
          `the bot can no longer post in channel ${channelId}: ${error.message}`,
        );
      throw error;
    }
  }
}
