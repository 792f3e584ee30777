import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseClaim, checkClaim } from "../src/check/claim-check.ts";
import { ownVoice, withoutQuotes } from "../src/check/claim-features.ts";
import { FEATURE_NAMES } from "../src/check/stance-features.ts";
import { STANCES, shippedStanceModel, WEIGHTS_URL } from "../src/check/stance-model.ts";

// Articles written for these tests.
const CLAIM = "Corran harbour ferry service suspended after storm";
const STATED = `The Corran harbour ferry service was suspended on Sunday after a storm damaged the landing stage.

Engineers expect repairs to take a week, the harbour board said.`;
const REPORTED = `The Corran harbour ferry service has reportedly been suspended after the storm, according to unverified posts online.

The harbour board could not confirm the claims, and it is unclear whether any sailings were cancelled.`;
const DEBUNKED = `Posts claiming the Corran harbour ferry service was suspended after the storm are a hoax, the harbour board said.

The board said the story was fake and not true: ferries ran on time all weekend, and the rumour was debunked by local reporters.`;

describe("the shipped stance model", () => {
  const model = shippedStanceModel();
  const stanceOf = (article: string): string => {
    const a = analyseClaim(article, CLAIM);
    const p = model.probabilities(a.features, a.cueFeatures);
    return STANCES[p.indexOf(Math.max(...p))] ?? "";
  };

  it("loads: the features the checker computes, one tree per stance per round, numbers only", () => {
    const w = model.weights;
    expect(w.features.slice(0, FEATURE_NAMES.length)).toEqual([...FEATURE_NAMES]);
    expect(w.ensemble.base).toHaveLength(STANCES.length);
    expect(w.ensemble.trees.length).toBeGreaterThan(10);
    for (const round of w.ensemble.trees) {
      expect(round).toHaveLength(STANCES.length);
      for (const tree of round) for (const f of tree.feature) expect(f).toBeLessThan(w.features.length);
    }
    expect(w.trained.pairs).toBeGreaterThan(1000);
    // Small and text-free: cue keys are single lexicon words (or two), never sentences.
    // A few hundred depth-3 trees: about 14,000 numbers, formatted.
    expect(readFileSync(WEIGHTS_URL).length).toBeLessThan(192 * 1024);
    for (const name of w.features) expect(name.split(/[_ ]/).length).toBeLessThanOrEqual(6);
  });

  it("reads a plainly stated claim as agreeing, a hedged one as discussed, a debunked one not as agreeing", () => {
    expect(stanceOf(STATED)).toBe("agree");
    expect(stanceOf(REPORTED)).toBe("discuss");
    // Whether the debunk is read as a rejection may rest with the rules (`rulesReject`): see the checker test below.
    expect(stanceOf(DEBUNKED)).not.toBe("agree");
  });
});

describe("quote stripping in a claim's own voice", () => {
  it("blanks quoted spans but keeps apostrophes and unmatched marks", () => {
    expect(withoutQuotes("Mayor says ‘no way’ to tolls")).toBe("Mayor says   to tolls");
    expect(withoutQuotes('Union: "not now" on strike')).toBe("Union:   on strike");
    expect(withoutQuotes("Police don't confirm 'no entry' zone")).toBe("Police don't confirm   zone");
    expect(withoutQuotes("‘‘‘ unmatched")).toBe("‘‘‘ unmatched");
    expect(ownVoice("a no-show fee")).not.toMatch(/no/);
  });
});

// Another article written for these tests: one story told plainly, as a rumour, and as a debunk.
const LIBRARY_CLAIM = "Velmont public library reopens after flood repairs";
const LIBRARY_PLAIN = `The Velmont public library reopened on Monday after three months of flood repairs, the town council said.

Visitors queued before the doors opened, and the children's section was full by noon.`;
const LIBRARY_RUMOUR = `The Velmont public library may reopen soon after flood repairs, according to unconfirmed posts on a local forum.

The town council has not said when the building will open, and reportedly some repairs are still unfinished.`;
const LIBRARY_DEBUNK = `Claims that the Velmont public library reopened after flood repairs are false, the town council said.

The story was a hoax: the building is still closed and repairs will take until spring, officials said.`;

describe("the shipped stance model inside the checker", () => {
  const verdictOf = (article: string): string => checkClaim(article, LIBRARY_CLAIM).verdict;
  it("confirms a plain report, leaves a rumour unconfirmed and contradicts a debunk", () => {
    expect(verdictOf(LIBRARY_PLAIN)).toBe("confirmed");
    expect(verdictOf(LIBRARY_RUMOUR)).toBe("unconfirmed");
    expect(verdictOf(LIBRARY_DEBUNK)).toBe("contradicted");
  });
  it("gives probabilities that sum to one for every stance", () => {
    const a = analyseClaim(LIBRARY_PLAIN, LIBRARY_CLAIM);
    const p = shippedStanceModel().probabilities(a.features, a.cueFeatures);
    expect(p).toHaveLength(STANCES.length);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
  });
});
