import { randomUUID } from "node:crypto";
import { closeRedis, connectRedis, type RedisConnection } from "./redis-connection.ts";

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

interface RedisLike extends RedisConnection {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Several processes sharing Redis: SET NX PX, released by compare-and-delete. */
export class RedisLease implements Lease {
  private constructor(private readonly client: RedisLike) {}

  static async open(url: string, connectTimeoutMs: number): Promise<RedisLease> {
    return new RedisLease(await connectRedis<RedisLike>(url, connectTimeoutMs));
  }

  async acquire(name: string, ttlMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const ok = await this.client.set(`newsdesk:lease:${name}`, token, { NX: true, PX: ttlMs });
    return ok === "OK" ? token : undefined;
  }

  async release(name: string, token: string): Promise<void> {
    await this.client.eval(RELEASE, { keys: [`newsdesk:lease:${name}`], arguments: [token] });
  }

  close(): Promise<void> {
    return closeRedis(this.client);
  }
}
