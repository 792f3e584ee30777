import { describe, expect, it } from "vitest";
import type { Digest, Statement } from "../src/digest/schema.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { fireText, sampleText } from "./support/paths.ts";
import { statementFor } from "./support/statements.ts";

const sourceOf = (digest: Digest, s: Statement) =>
  s.sources.map((id) => digest.sources.find((x) => x.id === id));

describe("offline engine on the sample article", () => {
  const digest = digestArticle(sampleText());

  it("quotes every piece of evidence verbatim from the paragraph it cites", () => {
    for (const s of digest.statements)
      for (const e of s.evidence) expect(digest.paragraphs[e.paragraph]?.text).toContain(e.quote);
    for (const src of digest.sources)
      for (const m of src.mentions) expect(digest.paragraphs[m.paragraph]?.text).toContain(m.quote);
  });

  it("drops the spliced advert and teasers, with a reason, and keeps every real paragraph", () => {
    const dropped = digest.paragraphs.filter((p) => p.junk);
    expect(dropped.every((p) => (p.reason ?? "").length > 0)).toBe(true);
    expect(dropped.map((p) => p.text.split("\n")[0])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Forex/),
        expect.stringMatching(/^Oracle/),
        expect.stringMatching(/^Russia/),
      ]),
    );
    expect(dropped.some((p) => p.text.startsWith("One officer was killed"))).toBe(false);
    expect(dropped.length).toBeLessThanOrEqual(4);
  });

  it("keeps the attacker's identity and criminal history as open questions", () => {
    expect(statementFor(digest, "attacker's identity had been confirmed").status).toBe("unknown");
    expect(statementFor(digest, "possible criminal history").status).toBe("unknown");
  });

  it("reads the claim of responsibility as unconfirmed, from the group and the monitor that relayed it", () => {
    const claim = statementFor(digest, "ISIS has claimed responsibility");
    expect(claim.status).toBe("unconfirmed");
    const kinds = sourceOf(digest, claim).map((s) => s?.kind);
    expect(kinds).toEqual(expect.arrayContaining(["claimant", "monitor"]));
  });

  it("splits a hedged clause from a plain one in the same sentence", () => {
    expect(statementFor(digest, 'probably a "terrorist act"').status).toBe("unconfirmed");
    expect(statementFor(digest, "on lockdown by 9pm").status).toBe("confirmed");
  });

  it("marks the one-outlet report of two attackers as disputed and links the other account", () => {
    const two = statementFor(digest, "at least two attackers");
    expect(two.status).toBe("disputed");
    expect(two.conflictsWith?.length).toBeGreaterThan(0);
    expect(statementFor(digest, "shot by an attacker driving past").status).toBe("disputed");
  });

  it("confirms what officials said on the record and the reporter's plain narration", () => {
    expect(statementFor(digest, "the counter-terrorism office had opened an inquiry").status).toBe(
      "confirmed",
    );
    expect(statementFor(digest, "One officer was killed").status).toBe("confirmed");
  });

  it("merges both spellings of the spokesman into one source and warns about it", () => {
    const spokesman = digest.sources.filter((s) => [s.name, ...s.aliases].some((n) => /Pierre-Henr/.test(n)));
    expect(spokesman).toHaveLength(1);
    expect([spokesman[0]?.name, ...(spokesman[0]?.aliases ?? [])]).toEqual(
      expect.arrayContaining(["Pierre-Henri Brandit", "Pierre-Henry Brandet"]),
    );
    expect(spokesman[0]?.kind).toBe("official");
    expect(digest.warnings.some((w) => w.kind === "names_merged" && w.message.includes("Brandit"))).toBe(
      true,
    );
  });

  it("merges ISIS and Islamic State", () => {
    const group = digest.sources.filter((s) =>
      [s.name, ...s.aliases].some((n) => /^(ISIS|Islamic State)$/.test(n)),
    );
    expect(group).toHaveLength(1);
  });

  it("writes a short summary of confirmed facts only", () => {
    expect(digest.summary.length).toBeLessThanOrEqual(1200);
    expect(digest.summary).toMatch(/officer|policeman/);
    for (const banned of ["Forex", "Oracle", "at least two attackers", "probably"])
      expect(digest.summary).not.toContain(banned);
  });

  it("flags machine rewording and the dangling 'her hands'", () => {
    expect(digest.warnings.some((w) => w.kind === "machine_reworded" && w.message.includes("a auto"))).toBe(
      true,
    );
    expect(
      digest.warnings.some((w) => w.kind === "dangling_reference" && w.message.includes("her hands")),
    ).toBe(true);
  });

  it("dates the timeline from the text", () => {
    expect(digest.timeline.some((t) => t.when.includes("9pm"))).toBe(true);
  });

  it("is deterministic and hashes the normalized input", () => {
    const again = digestArticle(sampleText().replace(/\n/g, "\r\n"));
    expect(again).toEqual(digest);
    expect(digest.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("offline engine on an article it was not written for", () => {
  const digest = digestArticle(fireText());

  it("keeps an undetermined cause as an open question", () => {
    expect(statementFor(digest, "has not yet been determined").status).toBe("unknown");
  });

  it("treats a single outlet's report, a witness and a union claim as unconfirmed", () => {
    expect(statementFor(digest, "failed a safety inspection").status).toBe("unconfirmed");
    expect(statementFor(digest, "higher than the church tower").status).toBe("unconfirmed");
    expect(statementFor(digest, "understaffed for months").status).toBe("unconfirmed");
  });

  it("merges a misspelled name of the same chief", () => {
    const chief = digest.sources.filter((s) => [s.name, ...s.aliases].some((n) => /Delgado/.test(n)));
    expect(chief).toHaveLength(1);
  });
});

describe("awkward input", () => {
  it("repairs mojibake before reading and says so", () => {
    const digest = digestArticle(
      "Mayor visits school\n\nFranÃ§ois Martin said the school would reopen on Monday.",
    );
    expect(digest.paragraphs[1]?.text).toContain("François");
    expect(digest.warnings.some((w) => w.kind === "encoding_repaired" && w.message.includes("ç"))).toBe(true);
  });

  it("quotes verbatim around non-breaking spaces", () => {
    const digest = digestArticle("Storm hits coast\n\nThe storm\u00a0closed two\u00a0roads, police said.");
    for (const s of digest.statements)
      for (const e of s.evidence) expect(digest.paragraphs[e.paragraph]?.text).toContain(e.quote);
  });

  it("drops click-here boilerplate", () => {
    const digest = digestArticle(
      "Bridge closed after crash\n\nA lorry hit the bridge on Monday, the council said.\n\nCLICK HERE FOR VIDEO\n\nEngineers will inspect it on Tuesday.",
    );
    expect(digest.paragraphs.find((p) => p.text === "CLICK HERE FOR VIDEO")?.junk).toBe(true);
  });
});
