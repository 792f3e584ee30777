import { describe, expect, it } from "vitest";
import { furnitureShape } from "../src/engine/furniture-shapes.ts";
import { detectJunk } from "../src/engine/junk.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { normalizeInput, splitParagraphs } from "../src/nlp/text.ts";

// Our own story, with page furniture of several shapes spliced in the way scrapers leave it.
const STORY = [
  "Water main break floods downtown Millbrook streets",
  "A 90-year-old water main burst under Canal Street in Millbrook early on Monday, flooding three blocks of the downtown district and cutting water to about 1,200 homes, city officials said.",
  "Updated 4:15 p.m. ET, March 6, 2023",
  "Public Works Director Alma Reyes said crews had shut off the main by 7 a.m. and were pumping water out of basements along Canal Street and Mercer Avenue.",
  "No one was hurt.",
  "Crews pump water from a flooded basement on Canal Street. Photo: Riverbend Pictures",
  "“We woke up to a river outside the door,” said Tomas Lindgren, who owns a bakery on Canal Street. “We were lucky.”",
  "Get the Millbrook Morning briefing in your inbox every weekday. It's free.",
  "Reyes said the main, laid in 1933, was on the city's list for replacement next year, and that a temporary line would restore water to most homes by Tuesday evening.",
  "Reporter Dana Whitcombe can be reached at dana.whitcombe@millbrookledger.example.",
  "The road reopened at noon.",
  "© 2023 Millbrook Ledger Media. All rights reserved. This material may not be republished without permission.",
  "City council member Grace Obi said she would ask for an audit of the water system's maintenance budget at Thursday's meeting.",
];
const FURNITURE = ["Updated 4:15", "Crews pump water", "Get the Millbrook", "Reporter Dana", "© 2023"];
const SHORT_REAL = ["No one was hurt.", "The road reopened at noon.", "“We woke up"];

function verdictsOf(text: string) {
  const paragraphs = splitParagraphs(normalizeInput(text));
  const verdicts = detectJunk(paragraphs);
  return (start: string) => {
    const i = paragraphs.findIndex((p) => p.startsWith(start));
    expect(i, start).toBeGreaterThan(0);
    return verdicts[i];
  };
}

describe("page furniture by what it is", () => {
  for (const [layout, separator] of [
    ["blank lines", "\n\n"],
    ["single line breaks", "\n"],
  ] as const) {
    it(`drops a dateline, a caption, a newsletter prompt, a contact line and a legal line (${layout})`, () => {
      const verdict = verdictsOf(STORY.join(separator));
      for (const start of FURNITURE) {
        expect(verdict(start)?.junk, start).toBe(true);
        expect(verdict(start)?.reason, start).toMatch(/^page furniture/);
      }
    });

    it(`never drops a short real paragraph or a quote (${layout})`, () => {
      const verdict = verdictsOf(STORY.join(separator));
      for (const start of SHORT_REAL) expect(verdict(start), start).toEqual({ junk: false });
      const real = STORY.filter((p) => !FURNITURE.some((f) => p.startsWith(f)));
      for (const p of real.slice(1)) expect(verdict(p.slice(0, 20))?.junk, p).toBe(false);
    });
  }

  it("keeps a data source line that credits no publication, and a subheading with its section", () => {
    const verdict = verdictsOf(
      [
        "Millbrook budget shifts money to water repairs",
        "The council approved a budget on Tuesday that doubles spending on water pipes, to $14 million.",
        "Source: Millbrook Finance Department",
        "Where the money goes",
        "Most of the new money will replace mains laid before 1940, the finance director said.",
      ].join("\n\n"),
    );
    expect(verdict("Source: Millbrook Finance")?.junk).toBe(false);
    expect(verdict("Where the money goes")?.junk).toBe(false);
    expect(verdict("Most of the new money")?.junk).toBe(false);
  });

  it("reads a credit line to a publication, with a label of one or two words, and nothing else", () => {
    const shape = (p: string) => furnitureShape(p, p.split(/\s+/).length, 0.1, false);
    expect(shape("Source: Millbrook Daily News")).toBe("credit line");
    expect(shape("Photo courtesy: Riverbend Herald.")).toBe("credit line");
    expect(shape("Source: Millbrook Finance Department")).toBeUndefined();
    expect(shape("Source: the Millbrook Daily News")).toBeUndefined();
    expect(shape("Data from the city: Millbrook Daily News")).toBeUndefined();
  });

  it("keeps furniture out of the digest's statements", () => {
    const digest = digestArticle(STORY.join("\n\n"));
    const cited = new Set(digest.statements.flatMap((s) => s.evidence.map((e) => e.paragraph)));
    for (const p of digest.paragraphs.filter((x) => x.junk)) expect(cited.has(p.index)).toBe(false);
    expect(digest.paragraphs.filter((p) => p.junk)).toHaveLength(FURNITURE.length);
  });
});
