import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import Keyv from "keyv";
import { UserError } from "../errors.ts";
import { StoreTimeoutError, withTimeout } from "./timeout.ts";

/** The store setting cannot be used: the message names the setting and says what is wrong. */
export class StoreConfigError extends UserError {
  override name = "StoreConfigError";
}

export interface OpenedKeyv {
  keyv: Keyv;
  /** Where the data lives, with any password removed: safe to log. */
  where: string;
  /** Why the store cannot be written (full, read-only), when it can be read but not written. */
  readOnlyReason?: string;
  /**
   * Closes the store: politely when it answers in time, else by dropping the connection, so a store that
   * stopped answering cannot keep the process from shutting down.
   */
  close(): Promise<void>;
}

/** Removes credentials from a store URL so it can be logged or shown. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}

/**
 * Opens one keyv namespace on the configured store and proves it works (a write and a read) before the
 * bot starts, so a wrong STORE_URL fails at start-up with a clear message instead of at the first reply.
 */
export async function openKeyv(storeUrl: string, namespace: string, timeoutMs: number): Promise<OpenedKeyv> {
  const where = redactUrl(storeUrl);
  const opened = await connectKeyv(storeUrl, where, namespace, timeoutMs);
  const { keyv } = opened;
  keyv.throwOnErrors = true;
  // Errors are also emitted as events; without a listener an emitted error would crash the process.
  // The first one is kept: it says why a connection failed (refused, unknown host) better than the
  // generic error the adapter throws afterwards.
  let firstError: unknown;
  keyv.on("error", (error: unknown) => {
    firstError ??= error;
  });
  // Reading must work or the setting is wrong; a store that only refuses writes (full disk, read-only
  // folder) still serves what it has, and the cache runs degraded rather than the bot not starting.
  const probe = `probe:${process.pid}`;
  try {
    await withTimeout(keyv.get(probe), timeoutMs * 3, "reading the store");
  } catch (error) {
    // Dropped, not closed politely: a server that never answers would never answer the goodbye
    // either, and its open socket would keep the process alive.
    await withTimeout(opened.drop(), timeoutMs, "closing the store").catch(() => {});
    throw new StoreConfigError(
      `STORE_URL ${where}: the store does not work (${whyUnusable(error, firstError)})`,
    );
  }
  opened.proven();
  const close = async () => {
    try {
      await withTimeout(keyv.disconnect(), timeoutMs, "closing the store");
    } catch {
      await withTimeout(opened.drop(), timeoutMs, "closing the store").catch(() => {});
    }
  };
  try {
    await withTimeout(keyv.set(probe, 1, 60_000), timeoutMs * 3, "writing the store");
  } catch (error) {
    return { keyv, where, readOnlyReason: reason(error), close };
  }
  return { keyv, where, close };
}

interface ConnectedKeyv {
  keyv: Keyv;
  /** Closes without waiting for the store to answer. */
  drop(): Promise<void>;
  /** The store answered once: from now on a lost connection is retried. */
  proven(): void;
}

async function connectKeyv(
  storeUrl: string,
  where: string,
  namespace: string,
  timeoutMs: number,
): Promise<ConnectedKeyv> {
  if (storeUrl === "memory") {
    const keyv = new Keyv({ namespace });
    return { keyv, drop: () => keyv.disconnect(), proven: () => {} };
  }
  if (storeUrl.startsWith("sqlite://")) {
    const file = resolve(storeUrl.slice("sqlite://".length));
    try {
      await mkdir(dirname(file), { recursive: true });
    } catch (error) {
      throw new StoreConfigError(
        `STORE_URL ${where}: cannot create the data folder ${dirname(file)} (${reason(error)})`,
      );
    }
    // Adapters load only when chosen: each costs start-up time the other stores should not pay.
    const { default: KeyvSqlite } = await import("@keyv/sqlite");
    const keyv = new Keyv({
      store: new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: timeoutMs }),
      namespace,
    });
    return { keyv, drop: () => keyv.disconnect(), proven: () => {} };
  }
  // No offline queue: with Redis away, commands fail at once instead of waiting for it to come back.
  // Until the store has answered once, a failed connection is final, so a refused port is reported at
  // once rather than retried until the probe times out.
  let proven = false;
  const { default: KeyvRedis } = await import("@keyv/redis");
  const store = new KeyvRedis(
    {
      url: storeUrl,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: timeoutMs,
        reconnectStrategy: (retries: number, cause: Error) =>
          proven ? Math.min(retries * 200, 2000) : cause,
      },
    },
    { namespace, throwOnConnectError: true, throwOnErrors: true },
  );
  return {
    keyv: new Keyv({ store, namespace, useKeyPrefix: false }),
    drop: () => store.disconnect(true),
    proven: () => {
      proven = true;
    },
  };
}

/** Why the probe failed, in words an operator can act on; the adapter's own error is generic. */
function whyUnusable(error: unknown, firstEmitted: unknown): string {
  if (error instanceof StoreTimeoutError || firstEmitted === undefined) return reason(error);
  if ((firstEmitted as { code?: unknown }).code === "ECONNREFUSED")
    return `the connection was refused: ${reason(firstEmitted)}`;
  return reason(firstEmitted);
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return redactUrl(text).split("\n")[0] ?? "unknown error";
}
