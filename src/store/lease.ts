import { randomUUID } from "node:crypto";

/**
 * A short exclusive hold on a name, so that among several bot processes one runs a given schedule. It
 * expires on its own: a process that crashes while holding it blocks nobody for long.
 */
export interface Lease {
  acquire(name: string, ttlMs: number): Promise<string | undefined>;
  release(name: string, token: string): Promise<void>;
  close(): Promise<void>;
}

/** One process (memory or SQLite store): a lease in memory is enough. */
export class MemoryLease implements Lease {
  private readonly held = new Map<string, { token: string; until: number }>();

  async acquire(name: string, ttlMs: number): Promise<string | undefined> {
    const current = this.held.get(name);
    if (current && current.until > Date.now()) return undefined;
    const token = randomUUID();
    this.held.set(name, { token, until: Date.now() + ttlMs });
    return token;
  }

  async release(name: string, token: string): Promise<void> {
    if (this.held.get(name)?.token === token) this.held.delete(name);
  }

  async close(): Promise<void> {}
}

// Deletes the key only if it still holds our token: never release a lease another process took since.
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

interface RedisLike {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  connect(): Promise<unknown>;
  quit(): Promise<unknown>;
  destroy(): void;
  readonly isOpen: boolean;
  on(event: "error", listener: (error: unknown) => void): unknown;
}

/** Several processes sharing Redis: SET NX PX, released by compare-and-delete. */
export class RedisLease implements Lease {
  private constructor(private readonly client: RedisLike) {}

  static async open(url: string, connectTimeoutMs: number): Promise<RedisLease> {
    const { createClient } = await import("@keyv/redis");
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: connectTimeoutMs },
    }) as unknown as RedisLike;
    client.on("error", () => {}); // failures surface as rejected calls; the scheduler logs them
    await client.connect();
    return new RedisLease(client);
  }

  async acquire(name: string, ttlMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const ok = await this.client.set(`newsdesk:lease:${name}`, token, { NX: true, PX: ttlMs });
    return ok === "OK" ? token : undefined;
  }

  async release(name: string, token: string): Promise<void> {
    await this.client.eval(RELEASE, { keys: [`newsdesk:lease:${name}`], arguments: [token] });
  }

  async close(): Promise<void> {
    // A polite QUIT when Redis answers; with Redis gone it would wait forever, so drop the socket instead.
    const quit = this.client.quit().catch(() => {});
    const gaveUp = new Promise((resolve) => setTimeout(resolve, 500).unref());
    await Promise.race([quit, gaveUp]);
    // After an answered QUIT the client is already closed, and destroy() would throw.
    if (this.client.isOpen) this.client.destroy();
  }
}
