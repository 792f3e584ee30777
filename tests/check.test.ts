import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/check/claim-check.ts";
import { normalizeInput, splitParagraphs } from "../src/nlp/text.ts";

const PLAIN = `The city council of Brookfield voted on Tuesday to close the Elm Street bridge for repairs.

The bridge will stay closed for six weeks while engineers replace the worn steel supports, the council said.

Drivers will be diverted over the Mill Road crossing during the closure.`;

const HEDGED = `The Brookfield council is reportedly planning to close the Elm Street bridge, according to rumours circulating on social media.

The claims could not be confirmed, and a spokesperson said it was unclear whether any decision may be taken soon.

Some residents allegedly received letters about the closure, though none has been seen.`;

const DEBUNK = `A viral post saying the Brookfield council will close the Elm Street bridge is a hoax.

The council said the story is fake and not true: there is no plan to close the bridge, and the post was debunked by local reporters.

Officials urged residents not to share the false claim.`;

const UNRELATED = `The Riverside orchestra opened its autumn season with a programme of Brahms and Dvořák.

The conductor praised the young violinists, and tickets for the next concert sold out within hours.`;

const CLAIM = "Brookfield council closes Elm Street bridge";

function expectVerbatim(article: string, claim: string): void {
  const paragraphs = splitParagraphs(normalizeInput(article));
  const { evidence } = checkClaim(article, claim);
  for (const e of evidence) {
    const para = paragraphs[e.paragraph];
    expect(para).toBeDefined();
    expect(para).toContain(e.quote);
    expect(e.quote.length).toBeGreaterThan(0);
  }
}

describe("checkClaim", () => {
  it("confirms a plain on-the-record report", () => {
    const r = checkClaim(PLAIN, CLAIM);
    expect(r.verdict).toBe("confirmed");
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(r.rationale).toMatch(/key terms/);
  });

  it("leaves a hedged, attributed report unconfirmed", () => {
    const r = checkClaim(HEDGED, CLAIM);
    expect(r.verdict).toBe("unconfirmed");
    expect(r.rationale).toMatch(/hedged/);
  });

  it("marks a debunked story contradicted", () => {
    const r = checkClaim(DEBUNK, CLAIM);
    expect(r.verdict).toBe("contradicted");
    expect(r.evidence.some((e) => /hoax|fake|not true|false/i.test(e.quote))).toBe(true);
  });

  it("confirms a claim that is itself a debunk when the article debunks", () => {
    expect(checkClaim(DEBUNK, "Brookfield council bridge closure story is a hoax").verdict).toBe("confirmed");
  });

  it("contradicts a denying claim when the article plainly reports the story", () => {
    const r = checkClaim(PLAIN, "Brookfield council did not close Elm Street bridge");
    expect(r.verdict).toBe("contradicted");
    expect(r.rationale).toMatch(/states the story plainly/);
  });

  it("ignores a negation quoted inside the claim", () => {
    // The quoted slogan is part of the story, not the headline denying it.
    expect(checkClaim(PLAIN, "Brookfield council closes Elm Street bridge: 'no way through'").verdict).toBe(
      "confirmed",
    );
    expect(
      checkClaim(PLAIN, "Brookfield council closes Elm Street bridge, a no-go for drivers").verdict,
    ).toBe("confirmed");
  });

  it("treats a tentative claim as unconfirmed", () => {
    expect(checkClaim(PLAIN, "Brookfield council may close Elm Street bridge").verdict).toBe("unconfirmed");
  });

  it("reports an unrelated article as not covered, with no evidence", () => {
    const r = checkClaim(UNRELATED, CLAIM);
    expect(r.verdict).toBe("not_covered");
    expect(r.evidence).toEqual([]);
  });

  it("quotes evidence verbatim from the paragraph it names", () => {
    for (const article of [PLAIN, HEDGED, DEBUNK, UNRELATED]) expectVerbatim(article, CLAIM);
    const crlf = PLAIN.replace(/\n/g, "\r\n").replace("voted", "voted\u00a0");
    expectVerbatim(crlf, CLAIM);
  });

  it("is deterministic and memoised per article", () => {
    expect(checkClaim(PLAIN, CLAIM)).toEqual(checkClaim(PLAIN, CLAIM));
  });
});
