import { describe, expect, it } from "vitest";
import { PhraseMatcher } from "../src/engine/phrase-matcher.ts";
import { MAX_SENTENCE_CHARS, normalizeInput, splitParagraphs, splitSentences } from "../src/nlp/text.ts";

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

describe("long input", () => {
  it("reads a run-on sentence in pieces no longer than the limit, each verbatim, cut between words", () => {
    const text = Array.from(
      { length: 600 },
      (_, i) => `the council met on item ${i}, and the mayor said`,
    ).join(" ");
    const pieces = splitSentences(text);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(text[p.start - 1] ?? " ").toMatch(/\s/);
    }
    // Nothing is lost between the pieces.
    expect(pieces.map((p) => p.text).join(" ")).toBe(text);
  });

  it("never cuts a long run without spaces inside a character", () => {
    const text = "😀".repeat(3000);
    const pieces = splitSentences(text);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    for (const p of pieces) expect(p.text).toMatch(/^(?:😀)+$/u);
  });

  it("splits a very long paragraph exactly as it splits each of its parts", () => {
    const unit =
      "Mr. Smith left at 5 p.m. on Friday. “Will it open?” she asked. The U.S. Army said no.\nThen it rained. ";
    const text = unit.repeat(400).trim();
    const expected = splitSentences(unit.trim()).map((s) => s.text);
    expect(splitSentences(text).map((s) => s.text)).toEqual(
      Array.from({ length: 400 }, () => expected).flat(),
    );
  });
});

describe("phrase matcher", () => {
  it("finds exactly the phrases that occur, as includes() would", () => {
    const phrases = ["he", "she", "hers", "his", "Smith", "Smithson", "", "Zoë", "😀 ok", "absent"];
    const text = "Ushers said his Smithson file, 😀 ok, was Zoë's.";
    expect([...new PhraseMatcher(phrases).found(text)].sort()).toEqual(
      phrases.filter((p) => text.includes(p)).sort(),
    );
  });
});
