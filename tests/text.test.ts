import { describe, expect, it } from "vitest";
import { normalizeInput, splitParagraphs, splitSentences } from "../src/engine/text.ts";

describe("paragraphs", () => {
  it("splits at blank lines, trims, and ignores runs of blank lines", () => {
    expect(splitParagraphs(normalizeInput("Title\r\n\r\n  First para.  \n\n\n\nSecond\npara."))).toEqual([
      "Title",
      "First para.",
      "Second\npara.",
    ]);
  });

  it("splits at line breaks when the text has no blank line at all", () => {
    expect(splitParagraphs("Headline\nOne.\nTwo.")).toEqual(["Headline", "One.", "Two."]);
  });
});

describe("sentences", () => {
  it("does not end a sentence after titles, initials or p.m.", () => {
    const text =
      "Mr. Smith left at 5 p.m. on Friday. Gen. J. Doe stayed in the U.S. capital. Then it rained.";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Mr. Smith left at 5 p.m. on Friday.",
      "Gen. J. Doe stayed in the U.S. capital.",
      "Then it rained.",
    ]);
  });

  it("returns offsets that point back into the paragraph", () => {
    const text = "One sentence here.  Another one there.";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
