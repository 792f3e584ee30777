import type Keyv from "keyv";
import type { TokenBudget } from "../engine/openai/budget.ts";
import { closeRedis, connectRedis, type RedisConnection } from "./redis-connection.ts";

const month = (now: Date) => now.toISOString().slice(0, 7);
// Kept for 40 days: long enough to span the month, then it cleans itself up.
const KEEP_MS = 40 * 24 * 3600 * 1000;

/**
 * A monthly token budget in a keyv namespace of its own, for one process (memory or SQLite store):
 * increments are queued, so two model calls finishing together both count.
 */
export class KeyvTokenBudget implements TokenBudget {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly keyv: Keyv,
    private readonly monthly: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async remaining(): Promise<number | undefined> {
    if (this.monthly <= 0) return undefined;
    const used = Number((await this.keyv.get(`budget:${month(this.now())}`)) ?? 0);
    return this.monthly - used;
  }

  record(tokens: number): Promise<void> {
    if (this.monthly <= 0) return Promise.resolve();
    const next = this.queue.then(async () => {
      const key = `budget:${month(this.now())}`;
      const used = Number((await this.keyv.get(key)) ?? 0);
      await this.keyv.set(key, used + tokens, KEEP_MS);
    });
    this.queue = next.catch(() => {});
    return next;
  }

  close(): Promise<void> {
    return this.keyv.disconnect();
  }
}

interface RedisCounter extends RedisConnection {
  get(key: string): Promise<string | null>;
  incrBy(key: string, by: number): Promise<number>;
  pExpire(key: string, ms: number): Promise<unknown>;
}

/** The budget shared by every bot process on one Redis: INCRBY, atomic, so no two calls count as one. */
export class RedisTokenBudget implements TokenBudget {
  private constructor(
    private readonly client: RedisCounter,
    private readonly monthly: number,
    private readonly now: () => Date,
  ) {}

  static async open(
    url: string,
    monthly: number,
    connectTimeoutMs: number,
    now: () => Date = () => new Date(),
  ): Promise<RedisTokenBudget> {
    const client = await connectRedis<RedisCounter>(url, connectTimeoutMs);
    return new RedisTokenBudget(client, monthly, now);
  }

  private key(): string {
    return `newsdesk:budget:${month(this.now())}`;
  }

  async remaining(): Promise<number | undefined> {
    if (this.monthly <= 0) return undefined;
    return this.monthly - Number((await this.client.get(this.key())) ?? 0);
  }

  async record(tokens: number): Promise<void> {
    if (this.monthly <= 0 || tokens <= 0) return;
    const key = this.key();
    await this.client.incrBy(key, tokens);
    await this.client.pExpire(key, KEEP_MS);
  }

  close(): Promise<void> {
    return closeRedis(this.client);
  }
}
