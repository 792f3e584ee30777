import { createPublicKey, type KeyObject, verify } from "node:crypto";

// An Ed25519 public key as DER SubjectPublicKeyInfo: this fixed prefix, then the raw 32 bytes.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The application's public key, as the developer portal shows it (64 hex characters). */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("a Discord public key is 64 hex characters");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export interface SignedRequest {
  /** X-Signature-Ed25519: the signature, hex. */
  signature: string | null | undefined;
  /** X-Signature-Timestamp: seconds since the epoch, as Discord sent it. */
  timestamp: string | null | undefined;
  /** The body exactly as received: the signature covers the bytes, not a re-serialised JSON. */
  body: Uint8Array;
}

export type SignatureVerdict =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "wrong" };

/**
 * Checks Discord's signature over timestamp + raw body. A request older (or newer) than `maxAgeSeconds`
 * is refused even when signed, so a captured request cannot be replayed later.
 */
export function verifyDiscordRequest(
  request: SignedRequest,
  key: KeyObject,
  nowMs: number,
  maxAgeSeconds = 300,
): SignatureVerdict {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return { ok: false, reason: "missing" };
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: "malformed" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxAgeSeconds) return { ok: false, reason: "stale" };
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), request.body]);
  return verify(null, signed, key, Buffer.from(signature, "hex"))
    ? { ok: true }
    : { ok: false, reason: "wrong" };
}
