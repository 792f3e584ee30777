import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { KeyvTokenBudget, RedisTokenBudget } from "../src/store/token-budget.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn("budget: REDIS_URL is not set, so the shared Redis budget test is SKIPPED");

const july = () => new Date("2031-07-15T12:00:00Z");

describe("the monthly token budget", () => {
  it("counts every call when many finish at once (one process)", async () => {
    const budget = new KeyvTokenBudget(new Keyv(), 10_000, july);
    await Promise.all(Array.from({ length: 50 }, () => budget.record(10)));
    expect(await budget.remaining()).toBe(10_000 - 500);
    await budget.close();
  });

  it.skipIf(!REDIS_URL)("counts every call of two processes sharing Redis, atomically", async () => {
    const month = new Date(`2031-0${1 + Math.floor(Math.random() * 9)}-15T12:00:00Z`);
    const url = REDIS_URL ?? "";
    const [a, b] = await Promise.all([
      RedisTokenBudget.open(url, 1_000_000, 2000, () => month),
      RedisTokenBudget.open(url, 1_000_000, 2000, () => month),
    ]);
    try {
      const before = (await a.remaining()) ?? 0;
      await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).record(7)));
      expect(await b.remaining()).toBe(before - 700);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
