import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * A link to one article version that cannot be guessed or altered: the payload (guild, article, version,
 * expiry) as base64url JSON, a dot, and its HMAC-SHA256 under the server's secret. The payload is readable
 * by whoever holds the link (it names nothing they cannot see on the page); only the signature grants access.
 */
export interface LinkPayload {
  guildId: string;
  articleId: string;
  version: number;
  /** Milliseconds since the epoch after which the link is refused. */
  expiresAt: number;
}

export type LinkCheck =
  | { ok: true; payload: LinkPayload }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

// Short keys keep the link short; the schema is strict so nothing else rides in a signed payload.
const WireSchema = z
  .object({
    g: z.string().min(1).max(64),
    a: z.string().min(1).max(64),
    v: z.number().int().min(1),
    e: z.number().int().min(0),
  })
  .strict();

// Separates these signatures from anything else the same secret might ever sign.
const CONTEXT = "newsdesk-web-link-v1\n";
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 1024;

const sign = (payload: string, secret: string): Buffer =>
  createHmac("sha256", secret).update(CONTEXT).update(payload).digest();

export function signLink(payload: LinkPayload, secret: string): string {
  const wire = { g: payload.guildId, a: payload.articleId, v: payload.version, e: payload.expiresAt };
  const body = Buffer.from(JSON.stringify(WireSchema.parse(wire))).toString("base64url");
  return `${body}.${sign(body, secret).toString("base64url")}`;
}

/** The payload of a genuine, unexpired token; otherwise why not (the caller shows no detail to the reader). */
export function verifyLink(token: string, secret: string, now: number = Date.now()): LinkCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0 || !BASE64URL.test(body) || !BASE64URL.test(signature))
    return { ok: false, reason: "malformed" };
  const expected = sign(body, secret);
  const given = Buffer.from(signature, "base64url");
  // Lengths first: timingSafeEqual throws on different lengths, and the length of a MAC is no secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "forged" };
  let wire: z.infer<typeof WireSchema>;
  try {
    wire = WireSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (now >= wire.e) return { ok: false, reason: "expired" };
  return { ok: true, payload: { guildId: wire.g, articleId: wire.a, version: wire.v, expiresAt: wire.e } };
}
