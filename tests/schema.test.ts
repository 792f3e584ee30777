import { describe, expect, it } from "vitest";
import { DigestSchema, digestJsonSchema } from "../src/digest/schema.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { sampleText } from "./support/paths.ts";

describe("digest schema", () => {
  it("accepts what the offline engine produces", () => {
    expect(DigestSchema.safeParse(digestArticle(sampleText())).success).toBe(true);
  });

  it("rejects a statement with an unknown status or without evidence", () => {
    const digest = digestArticle(sampleText());
    const first = digest.statements[0];
    if (!first) throw new Error("no statements");
    const badStatus = { ...digest, statements: [{ ...first, status: "probably" }] };
    const noEvidence = { ...digest, statements: [{ ...first, evidence: [] }] };
    expect(DigestSchema.safeParse(badStatus).success).toBe(false);
    expect(DigestSchema.safeParse(noEvidence).success).toBe(false);
  });

  it("rejects a hash that is not a sha256", () => {
    const digest = digestArticle(sampleText());
    expect(DigestSchema.safeParse({ ...digest, inputSha256: "abc" }).success).toBe(false);
  });

  it("exports a JSON Schema naming the four statuses", () => {
    const json = JSON.stringify(digestJsonSchema());
    for (const status of ["confirmed", "unconfirmed", "disputed", "unknown"])
      expect(json).toContain(`"${status}"`);
  });
});
