import { describe, expect, it } from "vitest";
import type { Digest } from "../src/digest/schema.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { statementFor } from "./support/statements.ts";

// Articles written for these tests: each shows one way a status is read from what the words mean.
// [what the engine should do, the article's paragraphs, [a quote from a statement, its status]...]
type Case = [string, string[], [string, string][]];

const cases: Case[] = [
  [
    "reads a hedge before 'that' as hedging the claim",
    [
      "A blast tore through a bakery in Milltown on Sunday.",
      "The fire agency said it is possible that a gas leak caused the blast.",
    ],
    [["a gas leak caused the blast", "unconfirmed"]],
  ],
  [
    "catches 'may', 'might contain', 'I think' and 'appeared ready'",
    [
      "The port authority said the cranes may reopen next week.",
      "Any new batch of documents might contain forged pages, the police said.",
      '"I think the driver lost control," the fire chief said.',
      "Several council members appeared ready to resign over the budget.",
    ],
    [
      ["the cranes may reopen next week", "unconfirmed"],
      ["might contain forged pages", "unconfirmed"],
      ["I think the driver lost control", "unconfirmed"],
      ["appeared ready to resign", "unconfirmed"],
    ],
  ],
  [
    "does not let a hedge in a relative clause or on a noun hedge the main claim",
    [
      "Rolf Brandt is the brother of a banker, who is reportedly under investigation in Zurich.",
      "The ministry said there are no suspected cases of the fever in the province.",
    ],
    [
      ["Rolf Brandt is the brother of a banker", "confirmed"],
      ["who is reportedly under investigation", "unconfirmed"],
      ["no suspected cases of the fever", "confirmed"],
    ],
  ],
  [
    "reads a condition on the claim as not asserted",
    ["The mayor said in a statement that, if the figures are right, the city has lost a tenth of its jobs."],
    [["the city has lost a tenth of its jobs", "unconfirmed"]],
  ],
  [
    "reads the reporter's own hedged narration as unconfirmed",
    [
      "It is believed the two men met in a prison in the north.",
      "The blaze was widely seen as a warning to the shop owners.",
      "The stolen paintings are said to have been taken abroad by boat.",
    ],
    [
      ["the two men met in a prison", "unconfirmed"],
      ["seen as a warning to the shop owners", "unconfirmed"],
      ["said to have been taken abroad", "unconfirmed"],
    ],
  ],
  [
    "does not treat a named person with no known role as an authority",
    ["Lena Okafor said the bridge had been closed for a week."],
    [["the bridge had been closed for a week", "unconfirmed"]],
  ],
  [
    "reads 'alleged' and 'accused' as lower commitment, and an admission as on the record",
    [
      "Union leaders accused the company of hiding the safety report.",
      "The Daily Courier acknowledged in a correction that it had printed the wrong date.",
    ],
    [
      ["hiding the safety report", "unconfirmed"],
      ["it had printed the wrong date", "confirmed"],
    ],
  ],
  [
    "reads a report relayed inside the reporter's sentence as the report's, not as fact",
    [
      "The Evening Ledger is reporting that the goalkeeper has signed with a rival club.",
      "A video has surfaced with claims that it shows a wolf crossing the motorway.",
      "Rumours that the factory had been sold proved to be untrue.",
    ],
    [
      ["the goalkeeper has signed with a rival club", "unconfirmed"],
      ["it shows a wolf crossing the motorway", "unconfirmed"],
      ["the factory had been sold proved to be untrue", "confirmed"],
    ],
  ],
  [
    "narrates an act as fact even when the actor's words would not be",
    ["The candidate tweeted a photo of her rival beside a pile of cash."],
    [["tweeted a photo of her rival", "confirmed"]],
  ],
  [
    "confirms a plan from the authority that decides it, and from a speaker about their own plans",
    [
      "The curfew would be kept in place until Monday, the mayor said.",
      "The singer explained that she would be touring again next spring.",
    ],
    [
      ["The curfew would be kept in place", "confirmed"],
      ["she would be touring again", "confirmed"],
    ],
  ],
  [
    "keeps a prediction by someone else unconfirmed",
    ["Tom Reyes, a longtime friend of the coach, said the team will win the league."],
    [["the team will win the league", "unconfirmed"]],
  ],
  [
    "reads 'no group has claimed' as an open question, not a claim of responsibility",
    [
      "A bomb exploded outside the courthouse in Tarville on Friday.",
      "No group has claimed responsibility for the bombing.",
    ],
    [["No group has claimed responsibility", "unknown"]],
  ],
  [
    "finds open questions in their many wordings",
    [
      "A lorry hit a bus shelter in Easton on Tuesday, injuring four people.",
      "Officials gave no details of the driver's identity.",
      "It is too early to say whether the crash was deliberate, the police said.",
      "The council hasn't decided whether the shelter will be rebuilt.",
      "The names of the injured have not been revealed.",
      "A spokesman for the bus company did not respond to a request for comment.",
      "Key details about the route are missing.",
    ],
    [
      ["no details of the driver's identity", "unknown"],
      ["the crash was deliberate", "unknown"],
      ["hasn't decided whether the shelter", "unknown"],
      ["have not been revealed", "unknown"],
      ["did not respond to a request for comment", "unknown"],
      ["Key details about the route are missing", "unknown"],
    ],
  ],
  [
    "splits 'won't confirm X, but do confirm Y' into an open question and a fact",
    [
      "Federal agents won't confirm they hold the footage, but do confirm they are collecting video of the scene.",
    ],
    [
      ["won't confirm they hold the footage", "unknown"],
      ["do confirm they are collecting video", "confirmed"],
    ],
  ],
  [
    "reads a question as asking, not stating",
    ["Why has the report never been published?"],
    [["Why has the report never been published", "unknown"]],
  ],
];

describe("status read from what the words mean", () => {
  it.each(cases)("%s", (_, paragraphs, expected) => {
    const digest = digestArticle(paragraphs.join("\n\n"));
    for (const [quote, status] of expected)
      expect([quote, statementFor(digest, quote).status]).toEqual([quote, status]);
  });
});

const article = (...paragraphs: string[]) => digestArticle(paragraphs.join("\n\n"));
const sourceKind = (digest: Digest, name: string) => digest.sources.find((s) => s.name.includes(name))?.kind;

describe("source kinds from the article's own words", () => {
  it("gives a surname quoted alone the role the article gave the full name", () => {
    const d = article(
      "Republican presidential candidate Dana Whitfield spoke in Ohio on Monday.",
      'Later, "we will win this state," Whitfield said.',
    );
    expect(sourceKind(d, "Whitfield")).toBe("politician");
  });

  it("keeps emergency services and a fire chief as authorities on what they handle", () => {
    const d = article(
      "Fire Chief Nora Quist said three people were rescued from the roof.",
      "Paramedics said one man was taken to hospital.",
    );
    expect(sourceKind(d, "Quist")).toBe("official");
    expect(statementFor(d, "three people were rescued").status).toBe("confirmed");
    expect(statementFor(d, "one man was taken to hospital").status).toBe("confirmed");
  });

  it("reads a candidate's spokesman as speaking for a campaign, and an undersecretary as official", () => {
    const d = article(
      "Senator Ada Moreno toured the plant on Friday.",
      '"The report is wrong," Moreno spokesman Hal Pike said.',
      "The files were moved, Carl Ennis, the undersecretary for logistics, wrote in a note to staff.",
    );
    expect(sourceKind(d, "Pike")).toBe("politician");
    expect(sourceKind(d, "Ennis")).toBe("official");
  });
});
