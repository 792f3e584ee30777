import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseClaim } from "../src/check/claim-check.ts";
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

  it("loads: the features the checker computes, one weight row per stance, numbers only", () => {
    const w = model.weights;
    expect(w.features.slice(0, FEATURE_NAMES.length)).toEqual([...FEATURE_NAMES]);
    expect(w.weights).toHaveLength(STANCES.length);
    for (const row of w.weights) expect(row).toHaveLength(w.features.length);
    expect(w.trained.pairs).toBeGreaterThan(1000);
    // Small and text-free: cue keys are single lexicon words (or two), never sentences.
    expect(readFileSync(WEIGHTS_URL).length).toBeLessThan(64 * 1024);
    for (const name of w.features) expect(name.split(/[_ ]/).length).toBeLessThanOrEqual(6);
  });

  it("reads a plainly stated claim as agreeing, a hedged one as discussed, a debunked one as rejected", () => {
    expect(stanceOf(STATED)).toBe("agree");
    expect(stanceOf(REPORTED)).toBe("discuss");
    expect(stanceOf(DEBUNKED)).toBe("disagree");
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
