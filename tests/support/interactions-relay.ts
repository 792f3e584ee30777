import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { Client, Events } from "discord.js";
import type { DigitalDiscord } from "discord-digital-twin";

/** An Ed25519 key pair as a Discord application has one: the public key in the portal's hex form. */
export function applicationKeys(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x ?? "";
  return { publicKeyHex: Buffer.from(x, "base64url").toString("hex"), privateKey };
}

/** The headers Discord signs a request with: Ed25519 over the timestamp followed by the raw body. */
export function signedHeaders(
  body: string,
  privateKey: KeyObject,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const ts = String(timestamp);
  return {
    "content-type": "application/json",
    "x-signature-ed25519": sign(null, Buffer.from(ts + body), privateKey).toString("hex"),
    "x-signature-timestamp": ts,
  };
}

export interface Delivery {
  interactionId: string;
  endpoint: string;
  status: number;
  /** The callback the endpoint answered with, when it answered 200. */
  callback?: { type: number; data?: Record<string, unknown> };
}

export interface Relay {
  deliveries: Delivery[];
  stop(): Promise<void>;
}

/**
 * Discord's side of HTTP interactions, for the local fake Discord: every interaction the fake creates is
 * signed and POSTed to an endpoint (round robin, as a load balancer would spread them), and the HTTP
 * response is applied as the interaction's callback, as Discord applies it.
 */
export async function startRelay(
  discord: DigitalDiscord,
  endpoints: string[],
  privateKey: KeyObject,
  /** Called with each callback before it is applied (the harness records what the bot sent). */
  onCallback: (delivery: Delivery) => void = () => {},
): Promise<Relay> {
  const deliveries: Delivery[] = [];
  let next = 0;
  const client = new Client({ intents: [], rest: { api: discord.restUrl } });
  const forward = async (payload: { id: string; token: string }) => {
    const endpoint = endpoints[next++ % endpoints.length] ?? "";
    const body = JSON.stringify(payload);
    const response = await fetch(endpoint, {
      method: "POST",
      headers: signedHeaders(body, privateKey),
      body,
    });
    const delivery: Delivery = { interactionId: payload.id, endpoint, status: response.status };
    deliveries.push(delivery);
    if (!response.ok) return;
    delivery.callback = (await response.json()) as NonNullable<Delivery["callback"]>;
    onCallback(delivery);
    await fetch(`${discord.restUrl}/v10/interactions/${payload.id}/${payload.token}/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(delivery.callback),
    });
  };
  client.on(Events.Raw, (packet: { t?: string; d?: { id: string; token: string } }) => {
    if (packet.t === "INTERACTION_CREATE" && packet.d)
      forward(packet.d).catch((error: unknown) => {
        deliveries.push({ interactionId: packet.d?.id ?? "?", endpoint: String(error), status: 0 });
      });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.botToken);
  await ready;
  return { deliveries, stop: () => client.destroy() };
}

/** A slash command as Discord delivers it to an interactions endpoint (only the fields the bot reads). */
export function slashPayload(options: { id: string; guildId: string; channelId: string; name: string }) {
  return {
    id: options.id,
    application_id: "100000000000000003",
    type: 2,
    token: `token-${options.id}`,
    version: 1,
    guild_id: options.guildId,
    channel_id: options.channelId,
    channel: { id: options.channelId, type: 0, name: "breaking", guild_id: options.guildId },
    data: { id: "100000000000000004", name: options.name, type: 1, options: [] },
    member: {
      user: { id: "100000000000000005", username: "reporter", discriminator: "0", avatar: null },
      roles: [],
      permissions: "2147486720",
      joined_at: "2026-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
    },
    locale: "en-US",
    app_permissions: "2147486720",
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  };
}
