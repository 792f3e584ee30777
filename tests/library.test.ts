import { describe, expect, it } from "vitest";
import { slugify } from "../src/library/slug.ts";

// The library's behaviour on every store is in store-contract.test.ts.
describe("article library", () => {
  it("makes slugs from any title", () => {
    expect(slugify("Émeute à Paris: 3 blessés!")).toBe("emeute-a-paris-3-blesses");
    expect(slugify("???")).toBe("article");
  });
});
