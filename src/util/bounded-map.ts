import { createHash } from "node:crypto";

/**
 * A Map that holds at most `limit` entries and, when given a weigh function, at most `maxWeight` of their
 * estimated bytes (a text used as a key counted too), dropping the oldest insertion first: the memos that keep batch work (thousands of
 * claims over a few hundred articles) from repeating itself without letting a run of long articles fill
 * the process's memory.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  private readonly weights = new Map<K, number>();
  private weight = 0;

  constructor(
    private readonly limit: number,
    private readonly bound?: { maxWeight: number; weigh: (value: V, key: K) => number },
  ) {
    super();
  }

  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.bound) {
      const w = this.bound.weigh(value, key);
      this.weights.set(key, w);
      this.weight += w;
    }
    // Keep at least the newest entry, however heavy.
    while (this.size > 1 && (this.size > this.limit || (this.bound && this.weight > this.bound.maxWeight))) {
      const oldest = this.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    return this;
  }

  /** Marks an entry as the newest (least recently used goes first), without weighing it again. */
  touch(key: K): void {
    const value = super.get(key);
    if (value === undefined) return;
    super.delete(key);
    super.set(key, value);
  }

  override delete(key: K): boolean {
    this.weight -= this.weights.get(key) ?? 0;
    this.weights.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.weights.clear();
    this.weight = 0;
    super.clear();
  }
}

/** A short key for a long text, where holding the text as a key would cost more than hashing it. */
export const textKey = (text: string): string => createHash("sha256").update(text).digest("base64url");
