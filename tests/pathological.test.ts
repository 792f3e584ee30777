import { describe, expect, it } from "vitest";
import { pathologicalArticles } from "../scripts/pathological-articles.ts";
import { DigestSchema } from "../src/digest/schema.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { MAX_SENTENCE_CHARS } from "../src/nlp/text.ts";

// Each shape once made a digest cost the square (or cube) of its length; the bench times them at 195 KB.
// Here, smaller, they must come out as sane digests: bounded statements, every quote verbatim.
const SIZE = 30_000;

describe("pathological articles", () => {
  for (const { shape, text } of pathologicalArticles(SIZE)) {
    it(`reads ${shape} into a sane digest`, () => {
      const digest = DigestSchema.parse(digestArticle(text));
      const paragraphs = new Map(digest.paragraphs.map((p) => [p.index, p.text]));
      for (const s of digest.statements) {
        expect(s.claim.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        expect(s.conflictsWith?.length ?? 0).toBeLessThanOrEqual(10);
        for (const e of s.evidence) {
          expect(e.quote.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
          expect(paragraphs.get(e.paragraph)).toContain(e.quote);
        }
      }
      for (const source of digest.sources) expect(text).toContain(source.name);
      expect(digest.title).toBe("City council weighs new bridge plan");
    });
  }

  it("disputes every outlet's count against the police's in a long run of competing accounts", () => {
    const article = pathologicalArticles(SIZE).find((a) => a.shape === "competing accounts");
    const digest = digestArticle(article?.text ?? "");
    const quoted = (s: (typeof digest.statements)[number]) => s.evidence[0]?.quote ?? "";
    const outlet = digest.statements.filter((s) => /reported that \d gunmen/.test(quoted(s)));
    const police = digest.statements.filter((s) => quoted(s).startsWith("Police said"));
    expect(outlet.length).toBeGreaterThan(100);
    expect(police.length).toBeGreaterThan(100);
    for (const s of outlet) {
      expect(s.status).toBe("disputed");
      expect(s.conflictsWith?.length).toBeGreaterThan(0);
    }
    for (const s of police) expect(s.status).toBe("confirmed");
  });

  it("keeps thousands of different speakers apart, each a source of their own", () => {
    const article = pathologicalArticles(SIZE).find((a) => a.shape === "thousands of distinct speakers");
    const digest = digestArticle(article?.text ?? "");
    const names = new Set(digest.sources.map((s) => s.name));
    expect(names.size).toBe(digest.sources.length);
    expect(digest.sources.length).toBeGreaterThan(500);
    expect(digest.statements.filter((s) => s.sources.length === 1).length).toBeGreaterThan(500);
  });
});
