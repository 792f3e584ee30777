import { describe, expect, it } from "vitest";
import { offlineAnswerer } from "../src/ask/answerer.ts";
import { checkClaim } from "../src/check/claim-check.ts";
import { digestArticle } from "../src/engine/offline.ts";

// Articles written for these tests (not from any evaluation set).
const BRIDGE = `The Elm Street bridge was closed on Monday after inspectors found cracks in its supports.

Traffic was sent over the Mill Road crossing instead.

The council said repairs would take a month.`;

const RELEASE = `The man held over the warehouse fire in Dunmore was released without charge on Wednesday.

Detectives had questioned him for two days.

The fire destroyed stock worth thousands of pounds.`;

const MILL_FIRE = `Fire crews battled a blaze at the Harlow paper mill on Tuesday night, the county fire service said.

The fire destroyed the mill's main warehouse, fire chief Dana Ortiz said.

Some residents claimed they heard an explosion before the flames appeared, but this could not be confirmed.

Local media reported that the mill may have been storing chemicals, and rumours spread online that the owner had been arrested.

Investigators said it was unclear what caused the fire.`;

// A plain fact (¶3) in an article whose later paragraphs are full of hedges about other things.
const MILL_CLOSING = `The Harlow paper mill closed its doors on Friday after ninety years of production.

The owners sold the site to a developer last spring.

Workers held a farewell dinner in the canteen on Thursday evening.

The last shift ended at noon, when the machines were switched off for good.

Some neighbours reportedly fear the empty buildings could attract vandals, allegedly citing rumours of break-ins.

Others apparently hope the site may possibly become a park, according to unverified posts.

Speculation about flats is rife, and it is unclear if any plan exists, perhaps until summer.`;

describe("claim checks read polarity", () => {
  it("contradicts a claim whose predicate the article states the other way round", () => {
    const r = checkClaim(BRIDGE, "The bridge was open");
    expect(r.verdict).toBe("contradicted");
    expect(r.evidence[0]?.paragraph).toBe(0);
    expect(r.rationale).toMatch(/opposite/);
    expect(r.rationale).toMatch(/'closed'/);
  });

  it("still confirms the claim the article states, and a negated opposite", () => {
    expect(checkClaim(BRIDGE, "The bridge was closed").verdict).toBe("confirmed");
    expect(checkClaim(BRIDGE, "The bridge was not open").verdict).toBe("confirmed");
  });

  it("contradicts 'arrested' when the article says the man was released", () => {
    expect(checkClaim(RELEASE, "Dunmore warehouse fire man arrested").verdict).toBe("contradicted");
    expect(checkClaim(RELEASE, "Dunmore warehouse fire man released without charge").verdict).toBe(
      "confirmed",
    );
  });
});

describe("claim checks read negation by its scope", () => {
  const FIGURES = `Unemployment in Carvel fell in March, the statistics office said on Thursday.

The office publishes its figures every month.`;
  const NOT_FALLEN = `Unemployment in Carvel did not fall in March, the statistics office said on Thursday.

The office publishes its figures every month.`;

  it("contradicts 'rose' with 'fell' but not with 'did not fall'", () => {
    expect(checkClaim(FIGURES, "Unemployment in Carvel rose in March").verdict).toBe("contradicted");
    expect(checkClaim(NOT_FALLEN, "Unemployment in Carvel rose in March").verdict).not.toBe("contradicted");
  });
});

describe("claim checks agree with the digest", () => {
  it("confirms a fact the digest itself lists as confirmed", async () => {
    const digest = digestArticle(MILL_FIRE);
    const claim = "The fire destroyed the mill's main warehouse";
    const listed = digest.statements.find((s) => s.evidence.some((e) => e.paragraph === 1));
    expect(listed?.status).toBe("confirmed");
    const r = await offlineAnswerer.check(MILL_FIRE, claim, digest);
    expect(r.verdict).toBe("confirmed");
    expect(r.evidence.some((e) => e.paragraph === 1)).toBe(true);
  });

  it("does not confirm a claim denying what the digest confirms", async () => {
    const digest = digestArticle(MILL_FIRE);
    const r = await offlineAnswerer.check(
      MILL_FIRE,
      "The fire did not destroy the mill's main warehouse",
      digest,
    );
    expect(r.verdict).not.toBe("confirmed");
  });

  it("does not lend a claim the status of a sentence that only shares its topic", async () => {
    const article = `The Corran Bridge was closed on Tuesday after engineers found cracks in its deck, the county council said.

Some residents claimed on social media that the cracks had been visible for months.`;
    const digest = digestArticle(article);
    const r = await offlineAnswerer.check(article, "Cracks on the bridge were visible for months", digest);
    expect(r.verdict).toBe("unconfirmed");
    expect(r.evidence.some((e) => e.paragraph === 1)).toBe(true);
  });

  it("keeps a hedged report unconfirmed, as the digest reads it", async () => {
    const digest = digestArticle(MILL_FIRE);
    const r = await offlineAnswerer.check(MILL_FIRE, "The mill was storing chemicals", digest);
    expect(r.verdict).toBe("unconfirmed");
    expect(r.rationale).toMatch(/digest reads this as unconfirmed/);
  });

  it("never gives a rationale naming an empty hedge", () => {
    const r = checkClaim(MILL_CLOSING, "The last shift at the Harlow mill ended at noon");
    expect(r.rationale).not.toMatch(/hedged:\s*(?:$|[;,)])/);
    expect(r.rationale).not.toMatch(/\(\)/);
  });
});

describe("claim checks on long claims", () => {
  it("reads a long claim full of unmatched quote marks by its meaning", () => {
    // Thousands of unmatched marks (and a quoted aside) must not change what the claim says.
    const claim = `The bridge was open, ‘as it was’ ${" ‘x".repeat(20000)}`;
    expect(claim.length).toBeGreaterThan(60000);
    const r = checkClaim(BRIDGE, claim);
    expect(r.verdict).toBe("contradicted");
    expect(r.evidence[0]?.paragraph).toBe(0);
  });
});
