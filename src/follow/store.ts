import type Keyv from "keyv";
import { NotFoundError } from "../errors.ts";
import { withTimeout } from "../store/timeout.ts";
import { type Follow, FollowSchema } from "./schema.ts";

/** Follows kept one key each, listed by iterating the store: no shared index for writers to race on. */
export interface FollowStore {
  save(follow: Follow): Promise<void>;
  get(guildId: string, id: string): Promise<Follow>;
  list(guildId: string): Promise<Follow[]>;
  /** Every guild's follows: what the runner walks. */
  all(): Promise<Follow[]>;
  remove(guildId: string, id: string): Promise<void>;
}

const key = (guild: string, id: string) => `follow:${guild}:${id}`;

export class KeyvFollowStore implements FollowStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly timeoutMs: number,
  ) {}

  async save(follow: Follow): Promise<void> {
    const valid = FollowSchema.parse(follow);
    await withTimeout(this.keyv.set(key(valid.guildId, valid.id), valid), this.timeoutMs, "writing follows");
  }

  async get(guildId: string, id: string): Promise<Follow> {
    const raw: unknown = await withTimeout(
      this.keyv.get(key(guildId, id)),
      this.timeoutMs,
      "reading follows",
    );
    const parsed = FollowSchema.safeParse(raw);
    if (!parsed.success) throw new NotFoundError(`no follow '${id}' in this server (see /follow list)`);
    return parsed.data;
  }

  async list(guildId: string): Promise<Follow[]> {
    return (await this.all()).filter((f) => f.guildId === guildId);
  }

  async all(): Promise<Follow[]> {
    const out: Follow[] = [];
    const scan = async () => {
      if (!this.keyv.iterator) throw new Error("the store cannot list its keys");
      // keyv's iterator takes the namespace from the instance; the argument is the adapter's own. Read by
      // value, not key: adapters differ on whether the namespace prefix is left on the key.
      for await (const [, value] of this.keyv.iterator(undefined as never) as AsyncIterable<
        [string, unknown]
      >) {
        const parsed = FollowSchema.safeParse(value);
        if (parsed.success) out.push(parsed.data);
      }
    };
    await withTimeout(scan(), this.timeoutMs * 4, "reading follows");
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async remove(guildId: string, id: string): Promise<void> {
    await this.get(guildId, id);
    await withTimeout(this.keyv.delete(key(guildId, id)), this.timeoutMs, "writing follows");
  }
}
