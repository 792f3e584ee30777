import type Keyv from "keyv";

/** How many model tokens are left this month; undefined when there is no limit. */
export interface TokenBudget {
  remaining(): Promise<number | undefined>;
  record(tokens: number): Promise<void>;
}

const month = (now: Date) => now.toISOString().slice(0, 7);

/** A monthly token budget kept in the store, so every bot process draws on the same allowance. */
export class KeyvTokenBudget implements TokenBudget {
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

  async record(tokens: number): Promise<void> {
    if (this.monthly <= 0) return;
    const key = `budget:${month(this.now())}`;
    const used = Number((await this.keyv.get(key)) ?? 0);
    // Kept for 40 days: long enough to span the month, then it cleans itself up.
    await this.keyv.set(key, used + tokens, 40 * 24 * 3600 * 1000);
  }
}
