import { describe, expect, it } from "vitest";
import type { Paragraph, SourceKind, Statement } from "../src/digest/schema.ts";
import { markDisputes } from "../src/engine/disputes.ts";
import { readStatus } from "../src/engine/status.ts";
import { buildSummary } from "../src/engine/summary.ts";
import { buildTimeline } from "../src/engine/timeline.ts";
import { textWarnings } from "../src/engine/warnings.ts";
import { repairEncoding } from "../src/nlp/encoding.ts";

const official = { name: "the interior ministry", kind: "official" as SourceKind, anonymous: false };

describe("status rules", () => {
  it("confirms an authority on the record and plain narration", () => {
    expect(readStatus({ text: "the road was closed", cue: "said", source: official }).status).toBe(
      "confirmed",
    );
    expect(readStatus({ text: "The road was closed at noon." }).status).toBe("confirmed");
  });

  it("keeps a hedge unconfirmed even from an authority, and names the hedge", () => {
    const r = readStatus({ text: "the fire was probably arson", cue: "said", source: official });
    expect(r.status).toBe("unconfirmed");
    expect(r.rationale).toContain("probably");
  });

  it("treats one outlet, a witness, an unnamed source and a claim verb as unconfirmed", () => {
    const outlet = { name: "the Daily Bugle", kind: "media" as SourceKind, anonymous: false };
    const witness = { name: "a neighbour", kind: "witness" as SourceKind, anonymous: false };
    const unnamed = { name: "sources", kind: "other" as SourceKind, anonymous: true };
    expect(readStatus({ text: "the mayor resigned", source: outlet }).rationale).toMatch(/single outlet/);
    expect(readStatus({ text: "the car was red", cue: "said", source: witness }).status).toBe("unconfirmed");
    expect(readStatus({ text: "talks had failed", cue: "said", source: unnamed }).rationale).toMatch(
      /unnamed/,
    );
    expect(readStatus({ text: "he was innocent", cue: "claimed", source: official }).status).toBe(
      "unconfirmed",
    );
  });

  it("reads claims of responsibility and open questions", () => {
    expect(readStatus({ text: "The group claimed responsibility for the bombing" }).responsibilityClaim).toBe(
      true,
    );
    expect(readStatus({ text: "The victim's name has not been released" }).status).toBe("unknown");
    expect(readStatus({ text: "to give details", cue: "declined", source: official }).status).toBe("unknown");
  });
});

const statement = (
  id: string,
  claim: string,
  status: Statement["status"],
  sources: string[],
  paragraph = 1,
): Statement => ({
  id,
  claim,
  status,
  sources,
  evidence: [{ paragraph, quote: claim }],
  rationale: "",
});

describe("disputes", () => {
  const kinds: Record<string, SourceKind> = { gov: "official", paper: "media", union: "union" };
  const kindOf = (id: string) => kinds[id] ?? "other";

  it("disputes an outlet's count of attackers against an official account of one", () => {
    const one = statement("s1", "the attacker was shot by police", "confirmed", ["gov"]);
    const two = statement("s2", "there were at least three attackers", "unconfirmed", ["paper"]);
    markDisputes([one, two], kindOf);
    expect(two.status).toBe("disputed");
    expect(two.conflictsWith).toEqual(["s1"]);
    expect(one.conflictsWith).toEqual(["s2"]);
  });

  it("leaves an outlet's report alone when nothing conflicts with it", () => {
    const report = statement("s1", "the stadium will reopen next week", "unconfirmed", ["paper"]);
    markDisputes([statement("s0", "the match was cancelled", "confirmed", ["gov"]), report], kindOf);
    expect(report.status).toBe("unconfirmed");
  });

  it("disputes a union's different version of a shooting the authorities described", () => {
    const official = statement("s1", "a man opened fire on the guards from a doorway", "confirmed", ["gov"]);
    const version = statement("s2", "the guard was shot from a passing motorbike", "unconfirmed", ["union"]);
    markDisputes([official, version], kindOf);
    expect(version.status).toBe("disputed");
  });
});

describe("summary and timeline", () => {
  const paragraphs: Paragraph[] = [
    { index: 0, text: "Flood closes bridge", junk: false },
    { index: 1, text: "The river flooded the old bridge on Monday morning.", junk: false },
    {
      index: 2,
      text: "Officials said the flood was probably caused by a dam failure upstream.",
      junk: false,
    },
  ];
  const statements = [
    statement("s1", "The river flooded the old bridge on Monday morning.", "confirmed", [], 1),
    statement("s2", "the flood was probably caused by a dam failure upstream", "unconfirmed", ["gov"], 2),
  ];

  it("states only confirmed facts", () => {
    const summary = buildSummary("Flood closes bridge", paragraphs, statements);
    expect(summary).toContain("flooded the old bridge");
    expect(summary).not.toContain("dam failure");
  });

  it("puts dated statements on the timeline with their evidence", () => {
    const [event] = buildTimeline(statements);
    expect(event?.when).toBe("on Monday morning");
    expect(event?.evidence[0]?.paragraph).toBe(1);
  });
});

describe("text warnings", () => {
  it("repairs UTF-8 read as Windows-1252 and leaves clean text alone", () => {
    expect(repairEncoding("FranÃ§ois didnâ€™t").text).toBe("François didn’t");
    expect(repairEncoding("François café…” ok")).toEqual({ text: "François café…” ok", repaired: 0 });
  });

  it("names dropped paragraphs and their reasons", () => {
    const warnings = textWarnings([
      { index: 0, text: "Title", junk: false },
      { index: 1, text: "Buy now", junk: true, reason: "advertising block" },
    ]);
    expect(warnings).toContainEqual({
      kind: "paragraph_dropped",
      message: "¶1 dropped: advertising block",
      paragraphs: [1],
    });
  });

  it("does not call 'her' dangling once a woman has been named", () => {
    const warnings = textWarnings([
      { index: 0, text: "Mayor re-elected", junk: false },
      { index: 1, text: "The mayor, a former actress, thanked her voters.", junk: false },
    ]);
    expect(warnings.some((w) => w.kind === "dangling_reference")).toBe(false);
  });
});
