import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import Keyv from "keyv";
import { UserError } from "../errors.ts";
import { withTimeout } from "./timeout.ts";

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
  let keyv: Keyv;
  if (storeUrl === "memory") keyv = new Keyv({ namespace });
  else if (storeUrl.startsWith("sqlite://")) {
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
    keyv = new Keyv({
      store: new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: timeoutMs }),
      namespace,
    });
  } else {
    // No offline queue: with Redis away, commands fail at once instead of waiting for it to come back.
    const { default: KeyvRedis } = await import("@keyv/redis");
    const store = new KeyvRedis(
      {
        url: storeUrl,
        disableOfflineQueue: true,
        socket: {
          connectTimeout: timeoutMs,
          reconnectStrategy: (retries: number) => Math.min(retries * 200, 2000),
        },
      },
      { namespace, throwOnConnectError: true, throwOnErrors: true },
    );
    keyv = new Keyv({ store, namespace, useKeyPrefix: false });
  }
  keyv.throwOnErrors = true;
  // Errors are also emitted as events; without a listener an emitted error would crash the process.
  keyv.on("error", () => {});
  // Reading must work or the setting is wrong; a store that only refuses writes (full disk, read-only
  // folder) still serves what it has, and the cache runs degraded rather than the bot not starting.
  const probe = `probe:${process.pid}`;
  try {
    await withTimeout(keyv.get(probe), timeoutMs * 3, "reading the store");
  } catch (error) {
    await keyv.disconnect().catch(() => {});
    throw new StoreConfigError(`STORE_URL ${where}: the store does not work (${reason(error)})`);
  }
  try {
    await withTimeout(keyv.set(probe, 1, 60_000), timeoutMs * 3, "writing the store");
  } catch (error) {
    return { keyv, where, readOnlyReason: reason(error) };
  }
  return { keyv, where };
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return redactUrl(text).split("\n")[0] ?? "unknown error";
}
