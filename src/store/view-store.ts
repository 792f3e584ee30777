import { randomUUID } from "node:crypto";
import type Keyv from "keyv";
import { BoundedMap } from "../util/bounded-map.ts";
import { withTimeout } from "./timeout.ts";

/**
 * Short-lived views a reply refers back to (the pages behind Previous/Next buttons), by id. In the store,
 * any process behind a load balancer can turn a page another process sent; in memory, one process can.
 */
export interface ViewStore {
  save(value: unknown, ttlMs: number): Promise<string>;
  get(id: string): Promise<unknown>;
}

const MEMORY_LIMIT = 500;

export class MemoryViewStore implements ViewStore {
  private readonly views = new BoundedMap<string, { value: unknown; until: number }>(MEMORY_LIMIT);

  constructor(private readonly now: () => number = Date.now) {}

  async save(value: unknown, ttlMs: number): Promise<string> {
    const id = randomUUID().slice(0, 12);
    this.views.set(id, { value, until: this.now() + ttlMs });
    return id;
  }

  async get(id: string): Promise<unknown> {
    const view = this.views.get(id);
    return view && view.until > this.now() ? view.value : undefined;
  }
}

/** Views in a keyv namespace of their own, expiring with the store's own TTL. */
export class KeyvViewStore implements ViewStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly timeoutMs: number,
  ) {}

  async save(value: unknown, ttlMs: number): Promise<string> {
    const id = randomUUID().slice(0, 12);
    await withTimeout(this.keyv.set(`view:${id}`, value, ttlMs), this.timeoutMs, "writing a view");
    return id;
  }

  async get(id: string): Promise<unknown> {
    return withTimeout(this.keyv.get(`view:${id}`), this.timeoutMs, "reading a view");
  }
}
