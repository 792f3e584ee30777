import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIEmbed, APIMessage } from "discord.js";
import { RESTEvents } from "discord.js";
import { ChannelType, InteractionType } from "discord-api-types/v10";
import { DigitalDiscord } from "discord-digital-twin";
import type { LinkFor } from "../../commands/types.ts";
import { openServices, type Services } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { type Bot, startBot } from "../../src/discord/bot.ts";
import { type HttpBotOptions, startHttpBot } from "../../src/discord/http-bot.ts";
import { createWebApp, startWebServer } from "../../src/web/server.ts";
import { applicationKeys, startRelay } from "./interactions-relay.ts";
import { capturingLogger } from "./log-capture.ts";

/** A local fake Discord on 127.0.0.1 with the real bot logged in, and helpers to act as its users. */
export interface TwinHarness {
  discord: DigitalDiscord;
  /** The gateway bot, or in http mode the endpoint's bot (same scheduler, runner and client). */
  bot: Pick<Bot, "client" | "scheduler" | "followRunner" | "stop">;
  services: Services;
  channelId: string;
  editorId: string;
  reporterId: string;
  /** Every body the bot sent to Discord: through its REST API, and in http mode its HTTP responses. */
  sentBodies: { method: string; path: string; body: Record<string, unknown> }[];
  files: Map<string, string>;
  fileUrl(name: string): string;
  logs: ReturnType<typeof capturingLogger>;
  stop(): Promise<void>;
}

// View channel, send messages, use application commands: a reporter, not an editor.
const REPORTER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 31n));

/** Attachments served from 127.0.0.1, as Discord's CDN would serve them: put a file in `files`, link to it. */
export async function startAttachmentServer() {
  const files = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const body = files.get(decodeURIComponent((req.url ?? "/").slice(1)));
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/plain; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    files,
    fileUrl: (name: string) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * `env`: settings beside the in-memory store (e.g. FETCH_ALLOW_HOSTS for a local test site); `linkFor`:
 * the web view's link signer, as `npm start` passes it when WEB_PORT is set.
 */
export async function startTwin(
  env: Record<string, string> = {},
  options: { linkFor?: LinkFor; mode?: "gateway" | "http"; deferAfterMs?: number } = {},
): Promise<TwinHarness> {
  const discord = new DigitalDiscord({
    guild: { name: "Newsroom" },
    channels: [{ name: "breaking", type: ChannelType.GuildText }],
    users: [{ username: "editor" }, { username: "reporter" }],
  });
  await discord.start();
  const channelId = (await discord.prisma.channel.findMany())[0]?.id ?? "";
  const users = await discord.prisma.user.findMany({ where: { bot: false } });
  const editorId = users.find((u) => u.username === "editor")?.id ?? "";
  const reporterId = users.find((u) => u.username === "reporter")?.id ?? "";
  await discord.prisma.guildMember.update({
    where: { guildId_userId: { guildId: discord.guildId, userId: reporterId } },
    data: { permissions: REPORTER_PERMISSIONS },
  });

  const attachments = await startAttachmentServer();

  const logs = capturingLogger();
  const services = await openServices(loadConfig({ STORE_URL: "memory", ...env }), logs.log, { cache: true });
  const sentBodies: TwinHarness["sentBodies"] = [];
  const common = {
    token: discord.botToken,
    apiUrl: discord.restUrl,
    services,
    log: logs.log,
    maxArticleBytes: 200_000,
    scheduleTickMs: 0, // tests tick the scheduler themselves
    linkFor: options.linkFor,
  };
  const edge =
    options.mode === "http"
      ? await httpEdge(discord, services, { ...common, deferAfterMs: options.deferAfterMs }, sentBodies)
      : undefined;
  const bot = edge?.bot ?? (await startBot(common));
  bot.client.rest.on(RESTEvents.Response, (request) => {
    const body = request.data.body;
    if (body && typeof body === "object")
      sentBodies.push({ method: request.method, path: request.path, body: body as Record<string, unknown> });
  });
  return {
    discord,
    bot,
    services,
    channelId,
    editorId,
    reporterId,
    sentBodies,
    files: attachments.files,
    fileUrl: attachments.fileUrl,
    logs,
    async stop() {
      await edge?.stop();
      await bot.stop();
      await services.close();
      await discord.stop();
      await attachments.close();
    },
  };
}

/**
 * HTTP interactions mode: the bot serves POST /interactions on a local port, and a relay plays Discord,
 * signing each interaction the fake creates, POSTing it there and applying the response as its callback.
 */
async function httpEdge(
  discord: DigitalDiscord,
  services: Services,
  common: Omit<HttpBotOptions, "publicKey">,
  sentBodies: TwinHarness["sentBodies"],
) {
  const keys = applicationKeys();
  const bot = startHttpBot({ ...common, publicKey: keys.publicKeyHex });
  if (!services.library) throw new Error("http mode needs the library");
  const server = await startWebServer(
    createWebApp({
      library: services.library,
      secret: "a-twin-secret-of-at-least-32-characters",
      routes: [{ path: "/interactions", handle: bot.handle }],
    }),
    0,
  );
  // The callbacks travel in HTTP responses: recorded beside the REST bodies, as the gateway bot's are.
  const relay = await startRelay(
    discord,
    [`http://127.0.0.1:${server.port}/interactions`],
    keys.privateKey,
    (d) =>
      sentBodies.push({
        method: "POST",
        path: `/interactions/${d.interactionId}/callback`,
        body: d.callback ?? {},
      }),
  );
  return {
    bot,
    relay,
    async stop() {
      await relay.stop();
      await server.close();
    },
  };
}

export interface BotReply {
  message: APIMessage;
  embed: APIEmbed;
  /** Interaction callback type: 4 answered at once, 5 deferred first. */
  callbackType: number;
}

/** Waits until the bot's answer to an interaction is in the channel, with its embed. */
/** Where the helpers below act: the fake Discord's channel (and its file server, for attachments). */
export type TwinChannel = Pick<TwinHarness, "discord" | "channelId">;
export type TwinFiles = TwinChannel & Pick<TwinHarness, "files" | "fileUrl">;

export async function replyTo(t: TwinChannel, interactionId: string, timeoutMs = 15_000): Promise<BotReply> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.discord.channel(t.channelId).getInteractionResponse(interactionId);
    if (response?.acknowledged && response.messageId) {
      const message = (await t.discord.channel(t.channelId).getMessages()).find(
        (m) => m.id === response.messageId,
      );
      const embed = message?.embeds[0];
      if (message && embed) return { message, embed, callbackType: response.type };
    }
    if (Date.now() > deadline) throw new Error(`no reply to interaction ${interactionId}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function slash(
  t: TwinChannel,
  userId: string,
  name: string,
  options: { name: string; type: number; value?: string | number; options?: unknown[] }[] = [],
) {
  return t.discord
    .channel(t.channelId)
    .user(userId)
    .runSlashCommand({ name, options: options as never });
}

/** /article add with a .txt attachment, as Discord sends it (the option points into `resolved`). */
export function addByAttachment(t: TwinFiles, userId: string, name: string, text: string, title?: string) {
  t.files.set(name, text);
  const attachmentId = String(Date.now()) + String(Math.floor(Math.random() * 1000));
  return t.discord.simulateInteraction({
    type: InteractionType.ApplicationCommand,
    channelId: t.channelId,
    userId,
    data: {
      id: "1",
      name: "article",
      type: 1,
      options: [
        {
          name: "add",
          type: 1,
          options: [
            { name: "file", type: 11, value: attachmentId },
            ...(title ? [{ name: "title", type: 3, value: title }] : []),
          ],
        },
      ],
      resolved: {
        attachments: {
          [attachmentId]: {
            id: attachmentId,
            filename: name,
            size: Buffer.byteLength(text),
            url: t.fileUrl(name),
            proxy_url: t.fileUrl(name),
            content_type: "text/plain; charset=utf-8",
          },
        },
      },
    },
  });
}

export const embedText = (e: APIEmbed) =>
  [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]
    .filter(Boolean)
    .join("\n");

/** Reads every page of a paged answer by pressing its Next button, as a reporter would. */
export async function allPages(t: TwinChannel, userId: string, first: BotReply): Promise<APIEmbed[]> {
  const pages = [first.embed];
  let message = first.message;
  for (let i = 0; i < 50; i++) {
    // Components come back as plain JSON: find the enabled "Next" button by its label.
    const buttons = (message.components ?? []).flatMap(
      (row) =>
        ((row as { components?: unknown[] }).components ?? []) as {
          custom_id?: string;
          label?: string;
          disabled?: boolean;
        }[],
    );
    const next = buttons.find((b) => b.label === "Next ▶");
    if (!next?.custom_id || next.disabled) break;
    const previousText = embedText(message.embeds[0] ?? {});
    await t.discord
      .channel(t.channelId)
      .user(userId)
      .clickButton({ messageId: message.id, customId: next.custom_id });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const updated = (await t.discord.channel(t.channelId).getMessages()).find((m) => m.id === message.id);
      if (updated && embedText(updated.embeds[0] ?? {}) !== previousText) {
        message = updated;
        break;
      }
      if (Date.now() > deadline) throw new Error("the page did not turn");
      await new Promise((r) => setTimeout(r, 25));
    }
    pages.push(message.embeds[0] ?? {});
  }
  return pages;
}
