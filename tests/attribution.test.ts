import { describe, expect, it } from "vitest";
import { findAttributions, quoteIntro, speakerLabel } from "../src/engine/attribution.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { parseSourcePhrase } from "../src/engine/source-phrase.ts";
import { sourceNamesOf } from "./support/statements.ts";

// Self-written sentences, one per pattern: [sentence, source, a piece of the content].
const read = (s: string) =>
  findAttributions(s).map((a) => ({
    source: s.slice(a.source.start, a.source.end),
    content: s.slice(a.content.start, a.content.end),
  }));

describe("findAttributions", () => {
  const cases: [string, string, string][] = [
    [
      "The bridge will close for repairs in May, the city engineer said.",
      "the city engineer",
      "The bridge will close",
    ],
    [
      "“We will reopen by Friday,” said Dana Cole, a spokeswoman for the port authority.",
      "Dana Cole, a spokeswoman for the port authority",
      "We will reopen",
    ],
    [
      "“The water is safe to drink,” Mayor Ellen Park said in a statement.",
      "Mayor Ellen Park",
      "The water is safe",
    ],
    ["“The lines were down for hours,” Tom Reyes told reporters.", "Tom Reyes", "The lines were down"],
    [
      "Omar Haddad, director of the Lakeside Institute, said the study was flawed.",
      "Omar Haddad, director of the Lakeside Institute",
      "the study was flawed",
    ],
    [
      "The county's fire chief, Lena Ortiz, said crews had contained the blaze.",
      "The county's fire chief, Lena Ortiz",
      "crews had contained the blaze",
    ],
    [
      "Sen. Paul Granger told reporters on Monday that the bill would pass.",
      "Sen. Paul Granger",
      "the bill would pass",
    ],
    [
      "According to a report by the state auditor, the fund lost $2 million.",
      "a report by the state auditor",
      "the fund lost $2 million",
    ],
    [
      "The fund lost $2 million last year, according to the state auditor.",
      "the state auditor",
      "The fund lost $2 million",
    ],
    ["The plant will shut down next year, sources said.", "sources", "The plant will shut down"],
    ["Critics say the plan favours large landlords.", "Critics", "the plan favours large landlords"],
    [
      "The company issued a statement on Monday, saying it would appeal the ruling.",
      "The company",
      "it would appeal the ruling",
    ],
    [
      "The new rules will cut emissions by half, The Ledger has learned.",
      "The Ledger",
      "The new rules will cut emissions",
    ],
    [
      "Councilwoman Joy Banks wrote on Twitter that the vote had been rigged.",
      "Councilwoman Joy Banks",
      "the vote had been rigged",
    ],
    [
      "“Nobody told us anything,” said 34-year-old Priya Nair, who lives nearby.",
      "34-year-old Priya Nair, who lives nearby",
      "Nobody told us anything",
    ],
    // Coordinated subjects and appositives that contain "and".
    ["Ms. Lund and Mr. Ortega say the fares will rise.", "Ms. Lund and Mr. Ortega", "the fares will rise"],
    [
      "Rosa Vidal, a chemist and adviser to the Harbor Trust, said the samples were clean.",
      "Rosa Vidal, a chemist and adviser to the Harbor Trust",
      "the samples were clean",
    ],
    [
      "Experts on Arctic ice and ocean currents said the shelf would hold.",
      "Experts on Arctic ice and ocean currents",
      "the shelf would hold",
    ],
    // A verb coordinated with the subject's first verb.
    [
      "Mr. Ortega resigned from the board in June and said he had no regrets.",
      "Mr. Ortega",
      "he had no regrets",
    ],
    // A lower-case title before a name, an opening phrase, a plural noun with whom it serves.
    [
      "At the hearing on Monday, veteran engineer Paul Hess told the panel that the design was unsafe.",
      "veteran engineer Paul Hess",
      "the design was unsafe",
    ],
    [
      "But in recent weeks, aides to Governor Lane say, the budget talks have stalled.",
      "aides to Governor Lane",
      "the budget talks have stalled",
    ],
    // Words of the quote run on after the quote mark; dashes set off an appositive.
    ["“The plan is bold” in its aims, Mr. Ortega said.", "Mr. Ortega", "The plan is bold"],
    [
      "Hale -- author of a history of the canal -- said the locks were older than claimed.",
      "Hale -- author of a history of the canal",
      "the locks were older",
    ],
    ["Said Ms. Lund: “We will not wait any longer.”", "Ms. Lund", "We will not wait"],
    ["Mayor Park Says Tunnel Will Reopen in May", "Mayor Park", "Tunnel Will Reopen"],
    // A progressive tense, a participle with no comma before "that", the owner of a claim.
    [
      "The port authority is warning shippers that the canal may close.",
      "The port authority",
      "the canal may close",
    ],
    [
      "The union sent a letter on Monday saying that the talks had failed.",
      "The union",
      "the talks had failed",
    ],
    ["Reporters checked Mayor Park's claim that the tunnel was safe.", "Mayor Park", "the tunnel was safe"],
  ];
  for (const [sentence, source, content] of cases) {
    it(sentence, () => {
      const [first] = read(sentence);
      expect(first?.source).toBe(source);
      expect(first?.content).toContain(content);
    });
  }

  it("lists every source of nested reporting, the outer one first", () => {
    const found = read(
      "The mayor knew about the leak for weeks, a city official said, and the utility confirmed it.",
    );
    expect(found.map((f) => f.source)).toContain("a city official");
    expect(read("Officials said the governor told them the plan was dead.").map((f) => f.source)).toEqual([
      "Officials",
      "the governor",
    ]);
  });

  it("does not read a set phrase or a clause as a coordinated source", () => {
    expect(read("It goes without saying that the tunnel is old.")).toEqual([]);
    expect(read("Prices rose sharply and said nothing about the tunnel.").map((a) => a.source)).not.toContain(
      "Prices",
    );
  });

  it("does not take a clause, a noun or a naming participle for a cue", () => {
    expect(read("The storm reports were late and the roads were closed.")).toEqual([]);
    expect(read("Health worries have dogged the senator for years.")).toEqual([]);
    expect(read("His charity, called the Hope Fund, will open a shelter.")).toEqual([]);
    expect(read("Chastened by the polls, the senator changed her plan, promising lower taxes.")).toEqual([
      { source: "the senator", content: "lower taxes" },
    ]);
  });

  it("reads a quote signed with a dash and a speaker label", () => {
    expect(read("“We are not going anywhere.” ― Maria Lopez")[0]?.source).toBe("Maria Lopez");
    const label = speakerLabel("HOST: Welcome back to the program.");
    expect(label && "HOST: Welcome back to the program.".slice(label.source.start, label.source.end)).toBe(
      "HOST",
    );
    expect(speakerLabel("Update: the road has reopened.")).toBeNull();
    const intro = quoteIntro("Jones continued:");
    expect(intro && "Jones continued:".slice(intro.source.start, intro.source.end)).toBe("Jones");
  });
});

describe("parseSourcePhrase", () => {
  it("finds the name among appositives and descriptions", () => {
    expect(parseSourcePhrase("Omar Haddad, director of the Lakeside Institute")).toMatchObject({
      name: "Omar Haddad",
      person: true,
    });
    expect(parseSourcePhrase("The county's fire chief, Lena Ortiz")).toMatchObject({ name: "Lena Ortiz" });
    expect(parseSourcePhrase("veteran pollster Gil Hardy")).toMatchObject({
      name: "Gil Hardy",
      role: "veteran pollster",
    });
    expect(parseSourcePhrase("a source familiar with the talks").anonymous).toBe(true);
  });
});

describe("statements across sentences and paragraphs", () => {
  const ARTICLE = [
    "Harbor tunnel to close for a month",
    "“The tunnel is sixty years old. The ceiling panels are failing. We have no choice,” said Ruth Akers, the transit director.",
    "Akers continued:",
    "“Buses will run every ten minutes while the work goes on.”",
    "She said the work would start in March.",
    "The city council praised the decision in a statement.",
  ].join("\n\n");
  const digest = digestArticle(ARTICLE);
  const sourceOf = (fragment: string) => {
    const st = digest.statements.find((s) => s.evidence.some((e) => e.quote.includes(fragment)));
    return st && sourceNamesOf(digest, st);
  };

  it("gives every sentence of a quotation its speaker, before and after the attribution", () => {
    expect(sourceOf("The ceiling panels are failing")).toEqual(["Ruth Akers"]);
    expect(sourceOf("The tunnel is sixty years old")).toEqual(["Ruth Akers"]);
  });

  it("carries a speaker introduced with a colon into the next paragraph, and resolves she", () => {
    expect(sourceOf("Buses will run every ten minutes")).toEqual(["Ruth Akers"]);
    expect(sourceOf("the work would start in March")).toEqual(["Ruth Akers"]);
  });

  it("joins an attribution the sentence splitter cut off after a quotation's question mark", () => {
    const d = digestArticle(
      [
        "Pier repairs delayed",
        "“Who will pay for the pier? Nobody knows,” the harbor master asked. “Not the city.”",
        "“Why does the work take so long?” Ruth Akers asked.",
        "“The contractor has not even started.”",
        "“We waited a year for this.” ― Omar Haddad",
      ].join("\n\n"),
    );
    const of = (fragment: string) => {
      const st = d.statements.find((s) => s.evidence.some((e) => e.quote.includes(fragment)));
      return st && sourceNamesOf(d, st);
    };
    expect(of("Why does the work take so long")).toEqual(["Ruth Akers"]);
    // A paragraph that is only a quotation goes on quoting the speaker of the paragraph before.
    expect(of("The contractor has not even started")).toEqual(["Ruth Akers"]);
    expect(of("We waited a year")).toEqual(["Omar Haddad"]);
  });

  it("names sources in rationales by their final spelling", () => {
    const text = [
      "Ferry service suspended",
      "Port spokesman Jean-Marc Dubrey said the ferries would stay in harbour until Monday.",
      "Port spokesman Jean-Marc Dubray said on radio that the storm had damaged two piers.",
      "Jean-Marc Dubray said inspections would take a week.",
    ].join("\n\n");
    const d = digestArticle(text);
    const name = d.sources.find(
      (s) => s.aliases.includes("Jean-Marc Dubrey") || s.name === "Jean-Marc Dubrey",
    )?.name;
    expect(name).toBe("Jean-Marc Dubray");
    for (const st of d.statements) expect(st.rationale).not.toContain("Dubrey");
  });
});
