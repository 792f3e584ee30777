import { describe, expect, it } from "vitest";
import { BoundedMap, textKey } from "../src/util/bounded-map.ts";

describe("memos", () => {
  it("drop the oldest entries past their count or their estimated bytes, keeping the newest", () => {
    const byCount = new BoundedMap<string, string>(2);
    for (const k of ["a", "b", "c"]) byCount.set(k, k);
    expect([...byCount.keys()]).toEqual(["b", "c"]);

    const byBytes = new BoundedMap<string, string>(100, { maxWeight: 10, weigh: (v) => v.length });
    byBytes.set("a", "xxxx");
    byBytes.set("b", "xxxx");
    byBytes.set("c", "xxxx"); // 12 > 10: "a" goes
    expect([...byBytes.keys()]).toEqual(["b", "c"]);
    byBytes.set("b", "x"); // replacing an entry replaces its weight: 4 + 1
    byBytes.set("d", "xxxx");
    expect([...byBytes.keys()]).toEqual(["c", "b", "d"]);
    byBytes.set("huge", "x".repeat(50)); // heavier than the bound on its own: kept, alone
    expect([...byBytes.keys()]).toEqual(["huge"]);
  });

  it("are keyed by a short hash of the text, not the text", () => {
    const long = "word ".repeat(20_000);
    expect(textKey(long).length).toBeLessThan(50);
    expect(textKey(long)).toBe(textKey(`${long}`));
    expect(textKey(long)).not.toBe(textKey(`${long}.`));
  });
});
