import { describe, expect, it } from "vitest";
import { digestArticle } from "../src/engine/offline.ts";
import { diffDigests } from "../src/library/diff.ts";
import { renderDiffText } from "../src/render/diff-text.ts";
import { statementFor } from "./support/statements.ts";

// Articles written for these tests; no text from any evaluation set.
const article = (...paragraphs: string[]) => digestArticle(paragraphs.join("\n\n"));
const PLANT_FIRST = [
  "Blast damages chemical plant in Marlow.",
  "An explosion tore through a chemical plant in Marlow on Tuesday night, the fire service said.",
  "The Marlow Courier reported that a gas leak caused the blast.",
  "Firefighters worked through the night to put out the fire.",
].join("\n\n");

const PLANT_UPDATE = [
  PLANT_FIRST,
  "Plant officials denied reports of a gas leak.",
  "The company also denied that any workers had been hurt in the explosion.",
].join("\n\n");

describe("denials are not facts", () => {
  const digest = digestArticle(PLANT_UPDATE);

  it("serves a denied claim as disputed, with the denial as its evidence", () => {
    const denied = statementFor(digest, "denied reports of a gas leak");
    expect(denied.status).toBe("disputed");
    expect(denied.evidence[0]?.quote).toContain("denied");
    expect(denied.rationale).toMatch(/denial|denied/);
    expect(statementFor(digest, "denied that any workers had been hurt").status).not.toBe("confirmed");
  });

  it("never lists what was denied among the confirmed facts", () => {
    const confirmed = digest.statements.filter((s) => s.status === "confirmed");
    expect(confirmed.some((s) => /gas leak|workers had been hurt/.test(s.claim))).toBe(false);
  });

  it("disputes the report that was denied and links the two", () => {
    const report = statementFor(digest, "a gas leak caused the blast");
    const denial = statementFor(digest, "denied reports of a gas leak");
    expect(report.status).toBe("disputed");
    expect(report.conflictsWith).toContain(denial.id);
    expect(denial.conflictsWith).toContain(report.id);
  });

  it("names the one who denies, not the outlet whose report the denial follows", () => {
    const d = article(
      "The Marlow Courier reported that a tanker had caused the blast, but the company denied that any vehicle was involved.",
    );
    const denial = statementFor(d, "denied that any vehicle was involved");
    expect(denial.status).toBe("disputed");
    expect(denial.rationale).toMatch(/denial from (?:the )?company/);
    expect(denial.rationale).not.toMatch(/Courier/);
  });

  it("does not read a refusal as a denial", () => {
    const d = digestArticle("The court rejected the appeal on Friday.\n\nThe suspect was denied bail.");
    expect(d.statements.every((s) => s.status !== "disputed")).toBe(true);
  });

  it("does not call a denial newly confirmed in a version diff", () => {
    const diff = diffDigests(digestArticle(PLANT_FIRST), digest);
    const nowConfirmed = [
      ...diff.added.filter((s) => s.status === "confirmed"),
      ...diff.statusChanged.filter((c) => c.after.status === "confirmed").map((c) => c.after),
    ];
    expect(nowConfirmed.some((s) => /gas leak|hurt/.test(s.claim))).toBe(false);
    const text = renderDiffText({
      article: { id: "marlow", title: "Blast damages chemical plant in Marlow." } as never,
      from: 1,
      to: 2,
      diff,
    });
    expect(text).not.toMatch(/→ confirmed: [^\n]*gas leak/);
    expect(text).not.toMatch(/\[confirmed\][^\n]*gas leak/);
  });
});

describe("disputes that exist", () => {
  // Two accounts of one bus crash's toll: "three ... killed" from `first`, "seven ... died" from `second`.
  const tolls = (first: string, second: string) => {
    const d = article(
      "Bus crash on mountain road.",
      `${first} three people were killed when the bus left the road near Arden on Sunday.`,
      `${second} seven people died in the crash.`,
    );
    return [statementFor(d, "three people were killed"), statementFor(d, "seven people died")] as const;
  };

  it("disputes two different death tolls from two outlets, both sides, linked", () => {
    const [herald, times] = tolls("The Arden Herald reported that", "The Valley Times reported that");
    expect(herald.status).toBe("disputed");
    expect(times.status).toBe("disputed");
    expect(herald.conflictsWith).toContain(times.id);
    expect(times.conflictsWith).toContain(herald.id);
  });

  it("disputes an outlet's toll against the police count, which stays on the record and is linked", () => {
    const [police, herald] = tolls("Police said", "The Arden Herald reported that");
    expect(herald.status).toBe("disputed");
    expect(police.status).toBe("confirmed");
    expect(police.conflictsWith).toContain(herald.id);
  });

  it("reads a toll that rose later as an update, not a dispute", () => {
    const d = article(
      "Bus crash on mountain road.",
      "Police said three people were killed when the bus left the road near Arden on Sunday.",
      "Hospital officials said later that five people had died.",
    );
    expect(d.statements.some((s) => s.status === "disputed")).toBe(false);
  });

  it("reads an explicit 'accounts differ' as a dispute over the accounts that follow", () => {
    const d = article(
      "Fire at a market in Tolby.",
      "Accounts differ on how the fire began. A stall owner said the flames started in a food van. The market's manager said a faulty cable was to blame.",
    );
    expect(statementFor(d, "the flames started in a food van").status).toBe("disputed");
    expect(statementFor(d, "a faulty cable was to blame").status).toBe("disputed");
  });

  it("disputes 'some said ... while others said' within one sentence", () => {
    const d = digestArticle(
      "Storm hits the coast.\n\nSome residents said the warning came too late, while others said they had hours to leave.",
    );
    expect(statementFor(d, "the warning came too late").status).toBe("disputed");
  });

  it("disputes two sequences of one attack, and not two tellings of the same one", () => {
    const twoSequences = article(
      "Guard shot at bank.",
      "Police said a man walked into the lobby of the bank and opened fire on a guard.",
      "A security union said on Twitter that the guard was shot by an attacker riding past on a motorbike.",
    );
    expect(statementFor(twoSequences, "riding past on a motorbike").status).toBe("disputed");
    const sameEvent = article(
      "Guard shot at bank.",
      "Police said a man walked into the lobby of the bank and opened fire on a guard.",
      "A witness told the Harbour Post that a man was shooting inside the bank.",
    );
    expect(statementFor(sameEvent, "a man was shooting inside the bank").status).not.toBe("disputed");
  });

  it("does not invent a dispute between statements that only share an event word", () => {
    const d = article(
      "Shooting at a shopping centre.",
      "Police said a man opened fire in a car park at the Westgate shopping centre on Monday.",
      "A witness told the Westgate Times that shoppers ran into a bakery when they heard the shooting.",
      "The council said the shopping centre would reopen on Wednesday.",
    );
    expect(d.statements.filter((s) => s.status === "disputed")).toEqual([]);
    expect(d.statements.some((s) => s.conflictsWith?.length)).toBe(false);
  });
});

describe("the summary", () => {
  const KILLING = [
    "Fears grow for aid worker held in the Sahel.",
    "A militant group claimed on Tuesday that it had killed Dana Reyes, an aid worker abducted in northern Mali in March, in a statement posted on a jihadist website.",
    "The foreign ministry said it was working to verify the claim and had been in contact with the family of the aid worker.",
    "Reyes, 41, had worked for the charity in Mali and Niger for ten years, the charity said.",
    "Murdered: a file picture of the aid worker. Photo: Charity handout",
    "The charity said its staff in the region would stay in their posts.",
  ].join("\n\n");

  it("keeps a reported killing at the core, said to be reported, never as plain fact", () => {
    const { summary } = digestArticle(KILLING);
    expect(summary).toMatch(/Reported \(unconfirmed\): A militant group claimed [^.]*killed Dana Reyes/);
    // Every mention of the killing carries the label.
    expect(summary.split("Reported (unconfirmed): ").slice(1).join("")).toContain("killed");
    expect(summary.split("Reported (unconfirmed): ")[0]).not.toContain("killed");
    expect(summary.length).toBeLessThanOrEqual(700);
  });

  it("leaves captions and photo credits out", () => {
    const { summary } = digestArticle(KILLING);
    expect(summary).not.toMatch(/Photo:|file picture|Murdered:/);
  });
});
