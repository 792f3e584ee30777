/** What every raw Redis client here needs besides its own commands. */
export interface RedisConnection {
  connect(): Promise<unknown>;
  quit(): Promise<unknown>;
  destroy(): void;
  on(event: "error", listener: (error: unknown) => void): unknown;
}

/**
 * A raw node-redis client (the one @keyv/redis bundles), for what keyv cannot do: SET NX for leases,
 * INCRBY for counters. No offline queue: with Redis away, calls fail at once instead of waiting.
 */
export async function connectRedis<C extends RedisConnection>(
  url: string,
  connectTimeoutMs: number,
): Promise<C> {
  const { createClient } = await import("@keyv/redis");
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: connectTimeoutMs },
  }) as unknown as C;
  client.on("error", () => {}); // failures surface as rejected calls, logged by their callers
  await client.connect();
  return client;
}

/** A polite QUIT when Redis answers; with Redis gone it would wait forever, so the socket is dropped. */
export async function closeRedis(client: RedisConnection): Promise<void> {
  const quit = client.quit().catch(() => {});
  const gaveUp = new Promise((resolve) => setTimeout(resolve, 500).unref());
  await Promise.race([quit, gaveUp]);
  try {
    client.destroy();
  } catch {
    // already closed by QUIT
  }
}
