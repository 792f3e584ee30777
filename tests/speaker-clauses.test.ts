import { describe, expect, it } from "vitest";
import { digestArticle } from "../src/engine/offline.ts";
import { sourceNamesOf as sourceNames, statementFor } from "./support/statements.ts";

// Articles written for these tests; no text from any evaluation set.

describe("a later speaker inside a sentence speaks for their own clause", () => {
  const digest = digestArticle(
    [
      "A gunman opened fire at a market in Orlen on Saturday, killing two people, police said.",
      "One shopper, Vera Lind, said she saw two men running from the hall, but police said they believed the gunman acted alone.",
      "Mayor Tomas Berg said the market would reopen on Monday, though he noted that traders had asked for more time.",
    ].join("\n\n"),
  );

  it("gives the witness's account to the witness and the police's to the police", () => {
    const witness = statementFor(digest, "she saw two men running");
    const police = statementFor(digest, "they believed the gunman acted alone");
    expect(witness).not.toBe(police);
    expect(sourceNames(digest, witness)).toEqual(["Vera Lind"]);
    expect(sourceNames(digest, police)).toEqual(["police"]);
  });

  it("reads a belief reported for the speaker as hedged, not as a fact", () => {
    expect(statementFor(digest, "they believed the gunman acted alone").status).toBe("unconfirmed");
    const belief = digestArticle(
      "Police said they believed the fire at the Orlen depot was started deliberately.",
    );
    expect(statementFor(belief, "started deliberately").status).toBe("unconfirmed");
  });

  it("keeps a speaker who goes on in the later clause on the first one too", () => {
    const first = statementFor(digest, "the market would reopen on Monday");
    expect(sourceNames(digest, first)).toContain("Tomas Berg");
  });
});
