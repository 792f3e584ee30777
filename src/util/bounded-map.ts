/**
 * A Map that holds at most `limit` entries, dropping the oldest insertion when full: the memos that keep
 * batch work (thousands of claims over a few hundred articles) from repeating itself.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.set(key, value);
    if (this.size > this.limit) {
      const oldest = this.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    return this;
  }
}
