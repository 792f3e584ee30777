import { Client, Events, type Interaction, InteractionResponseType, InteractionType } from "discord.js";
import type { LinkFor } from "../../commands/types.ts";
import type { Services } from "../app.ts";
import type { FollowRunner } from "../follow/runner.ts";
import type { Logger } from "../log.ts";
import type { Scheduler } from "../schedule/scheduler.ts";
import { edgeDispatcher } from "./dispatcher.ts";
import { callbackRouter, PendingResponse } from "./http-responses.ts";
import { startRunners } from "./runners.ts";
import { discordPublicKey, verifyDiscordRequest } from "./signature.ts";

export interface HttpBotOptions {
  /** The bot token: follow-ups, edits and posts go through Discord's REST API. */
  token: string;
  apiUrl: string;
  /** The application's public key (hex), which signs every request Discord sends. */
  publicKey: string;
  services: Services;
  log: Logger;
  maxArticleBytes: number;
  scheduleTickMs?: number;
  linkFor?: LinkFor | undefined;
  /** When the endpoint acknowledges for a dispatcher still at work (Discord waits 3 s at most). */
  deferAfterMs?: number | undefined;
  /** Milliseconds since the epoch, for the signature's age; tests pass a fixed clock. */
  now?: () => number;
}

export interface HttpBot {
  client: Client;
  scheduler: Scheduler | undefined;
  followRunner: FollowRunner | undefined;
  /** POST /interactions: one signed interaction in, its first response out. */
  handle(request: Request): Promise<Response>;
  /** Refuses new interactions (503, so the load balancer retries elsewhere), finishes those in flight. */
  stop(): Promise<void>;
}

// Discord's payloads are a few kilobytes; a form carries at most a few pages of pasted article.
const MAX_BODY_BYTES = 1_000_000;

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The body, or undefined when it is larger than `max` bytes (counted as it arrives, not trusted). */
async function readCapped(request: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max || !request.body) return declared > max ? undefined : new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > max) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

interface RawInteraction {
  id: string;
  type: number;
  token: string;
  application_id: string;
}

const isRawInteraction = (value: unknown): value is RawInteraction => {
  const v = value as Partial<RawInteraction> | null;
  return (
    typeof v?.id === "string" &&
    typeof v.type === "number" &&
    typeof v.token === "string" &&
    typeof v.application_id === "string"
  );
};

/**
 * The Discord edge without a gateway: Discord POSTs each interaction, signed, and the same dispatcher
 * as the gateway bot answers it. Nothing a reply needs lives in this process (the library, digests and
 * paged views are in the shared store), so any number of these may run behind one load balancer.
 */
export function startHttpBot(options: HttpBotOptions): HttpBot {
  const { services, log } = options;
  const key = discordPublicKey(options.publicKey);
  const now = options.now ?? Date.now;
  const deferAfterMs = options.deferAfterMs ?? 2_000;
  const pending = new Map<string, PendingResponse>();
  const client: Client = new Client({
    intents: [],
    rest: { api: options.apiUrl, makeRequest: callbackRouter(pending, () => client.rest, log) },
    allowedMentions: { parse: [], repliedUser: false },
  });
  client.rest.setToken(options.token);
  const { dispatch, attach } = edgeDispatcher({
    services,
    log,
    maxArticleBytes: options.maxArticleBytes,
    linkFor: options.linkFor,
  });
  const inFlight = new Map<string, Promise<void>>();
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const work = dispatch(interaction).finally(() => inFlight.delete(interaction.id));
    inFlight.set(interaction.id, work);
  });
  // discord.js builds the right Interaction class from a raw payload in this action, the one the gateway
  // uses too, so both modes hand the dispatcher the same objects. It is internal, hence the cast.
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } })
    .actions;
  const runners = startRunners(client, services, log, options.scheduleTickMs ?? 15_000);
  attach(runners.followRunner);
  let accepting = true;

  async function handle(request: Request): Promise<Response> {
    const body = await readCapped(request, MAX_BODY_BYTES);
    if (!body) return plain(413, "request too large");
    // Checked on the raw bytes, before anything is parsed.
    const verdict = verifyDiscordRequest(
      {
        signature: request.headers.get("x-signature-ed25519"),
        timestamp: request.headers.get("x-signature-timestamp"),
        body,
      },
      key,
      now(),
    );
    if (!verdict.ok) {
      log.info({ reason: verdict.reason }, "interaction request refused: bad signature");
      return plain(401, "invalid request signature");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body).toString("utf8"));
    } catch {
      return plain(400, "not JSON");
    }
    if ((payload as { type?: unknown } | null)?.type === InteractionType.Ping)
      return Response.json({ type: InteractionResponseType.Pong });
    if (!isRawInteraction(payload)) return plain(400, "not an interaction");
    if (!accepting) return plain(503, "shutting down");
    const entry = new PendingResponse(payload.type, payload.application_id, payload.token);
    pending.set(payload.id, entry);
    actions.InteractionCreate.handle(payload);
    const work = inFlight.get(payload.id);
    if (!work) {
      pending.delete(payload.id);
      return plain(400, "unsupported interaction");
    }
    const deadline = setTimeout(() => {
      if (entry.deferNow()) log.info({ interaction: payload.id }, "deferred at the deadline");
    }, deferAfterMs);
    // A dispatcher that ends without answering (an unknown button) still owes Discord an acknowledgement.
    void work.finally(() => {
      if (entry.deferNow()) log.debug({ interaction: payload.id }, "acknowledged without an answer");
      pending.delete(payload.id);
    });
    const first = await entry.body;
    clearTimeout(deadline);
    entry.markHandedOver();
    return Response.json(first);
  }

  return {
    client,
    scheduler: runners.scheduler,
    followRunner: runners.followRunner,
    handle,
    async stop() {
      accepting = false;
      await runners.stop();
      await Promise.allSettled([...inFlight.values()]);
      await client.destroy();
    },
  };
}
