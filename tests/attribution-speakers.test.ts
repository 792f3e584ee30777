import { describe, expect, it } from "vitest";
import { shippedTagger } from "../src/engine/attribution-learned.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { tokenize } from "../src/nlp/tokens.ts";
import { sourceNamesOf } from "./support/statements.ts";

// Self-written articles: who is credited with each statement, as a reporter reads the digest.
function speakersOf(article: string) {
  const digest = digestArticle(article);
  return {
    digest,
    sourceNames: digest.sources.map((s) => s.name),
    statement: (words: string) => {
      const st = digest.statements.find((s) => s.claim.includes(words));
      if (!st) throw new Error(`no statement holds '${words}'`);
      return { ...st, names: sourceNamesOf(digest, st) };
    },
  };
}

describe("pronouns resolve to the nearest compatible antecedent", () => {
  it("'she' skips a man named more recently and finds the woman", () => {
    const { statement } = speakersOf(
      "Mayor Jane Roe said the bridge would close on Monday.\n\n" +
        "Police Chief John Doe said officers would direct traffic.\n\n" +
        "She added that the repairs would cost $2 million.",
    );
    expect(statement("repairs would cost").names).toEqual(["Jane Roe"]);
  });

  it("'they' goes to a body or a group, not to the single person named last", () => {
    const { statement } = speakersOf(
      "Police said the coastal road was closed.\n\n" +
        "John Doe, a delivery driver, said he waited for an hour.\n\n" +
        "They added that the road would reopen on Friday.",
    );
    expect(statement("reopen on Friday").names).toEqual(["Police"]);
  });

  it("a pronoun nobody named can be stays unresolved and says so, and is not served as narration", () => {
    const { statement } = speakersOf(
      "John Doe, a delivery driver, said he waited for an hour.\n\n" +
        "She said the road had been closed since dawn.",
    );
    const st = statement("closed since dawn");
    expect(st.sources).toEqual([]);
    expect(st.rationale).toMatch(/not resolved/);
    expect(st.status).not.toBe("confirmed");
  });
});

describe("fragments are never sources", () => {
  it("an opening connective or a weekday is cut from the speaker", () => {
    const { sourceNames } = speakersOf(
      "Fire crews reached the warehouse at dawn.\n\n" +
        "Still, the fund said it would rebuild the plant.\n\n" +
        "However, the mayor said the site would stay closed.\n\n" +
        "Friday, officials said the damage was worse than feared.",
    );
    expect(sourceNames).not.toContain("Still");
    expect(sourceNames).not.toContain("However");
    expect(sourceNames).not.toContain("Friday");
    expect(sourceNames).toEqual(expect.arrayContaining(["fund", "mayor", "officials"]));
  });

  it("'Some' and 'Also' alone are nobody", () => {
    const { sourceNames } = speakersOf(
      "Fire crews reached the warehouse at dawn.\n\n" +
        "Some said the alarm never sounded.\n\n" +
        "Also, the owner said the sprinklers had been checked.",
    );
    expect(sourceNames).not.toContain("Some");
    expect(sourceNames).not.toContain("Also");
    expect(sourceNames).toContain("owner");
  });
});

describe("people who share a surname", () => {
  it("are kept apart when their first names differ, and a bare surname stays with the one named before", () => {
    const { digest, statement } = speakersOf(
      "John Smith, the fire chief, said the blaze started in the kitchen.\n\n" +
        "Smith said two engines were sent.\n\n" +
        "Jane Smith, who lives next door, said she saw smoke at noon.",
    );
    const smiths = digest.sources.filter((s) => /Smith/.test([s.name, ...s.aliases].join(" ")));
    expect(smiths).toHaveLength(2);
    expect(statement("two engines").names).toEqual(["John Smith"]);
    expect(statement("saw smoke").names).toEqual(["Jane Smith"]);
  });
});

describe("who gives an identity", () => {
  it("'local media named the driver as X' is the media's word, not narration", () => {
    const { digest, statement } = speakersOf(
      "A van hit a crowd outside the station on Sunday.\n\n" +
        "Local media named the driver as Tom Harlan, 42.\n\n" +
        "Police have not confirmed his identity.",
    );
    const st = statement("Tom Harlan");
    expect(st.names).toEqual(["Local media"]);
    expect(st.status).not.toBe("confirmed");
    expect(digest.sources.find((s) => s.name === "Local media")?.kind).toBe("media");
  });
});

describe("the learned attribution tagger", () => {
  it("loads the shipped weights and tags a sentence of its own", () => {
    const tagger = shippedTagger();
    expect(tagger).not.toBeNull();
    const sentence = "The teachers' union vowed to strike until the district restores the funding.";
    const [first] = tagger?.tag(sentence) ?? [];
    expect(first).toBeDefined();
    if (!first) return;
    expect(sentence.slice(first.source.start, first.source.end)).toBe("The teachers' union");
    expect(first.cue).toBe("vowed");
    expect(sentence.slice(first.content.start, first.content.end)).toMatch(/^to strike until/);
  });

  it("finds a speaker whose verb no rule lists", () => {
    const { statement } = speakersOf(
      "The storm cut power to the island on Monday.\n\n" +
        "The city council backed the mayor's plan for a new pier.",
    );
    expect(statement("plan for a new pier").names).toEqual(["city council"]);
  });

  it("a named speaker counts on a weaker cue verb than a common noun does", () => {
    const { statement } = speakersOf(
      "The storm cut power to the island on Monday.\n\n" +
        "John Doe pushed the council to reopen the pier before the summer.\n\n" +
        "The old ferry pushed the barge back into the harbour before dawn.",
    );
    expect(statement("reopen the pier").names).toEqual(["John Doe"]);
    expect(statement("barge back into the harbour").names).toEqual([]);
  });

  it("a pronoun that merely does something is no speaker: 'He spoke against the backdrop of ...'", () => {
    const { statement } = speakersOf(
      "Mayor Jane Roe said the museum would open on Saturday.\n\n" +
        "She spoke against the bronze backdrop of the museum near the river.",
    );
    expect(statement("bronze backdrop").names).toEqual([]);
  });

  it("a speaker's name ends the speaker: the verb after it is not part of it", () => {
    const { sourceNames } = speakersOf(
      "The council met on Tuesday.\n\n" +
        "Mayor Jane Roe deflected numerous questions about the harbour budget at the meeting.",
    );
    expect(sourceNames).toContain("Jane Roe");
    expect(sourceNames.some((n) => n.includes("deflected"))).toBe(false);
  });

  it("'X, which said C' cites X, not 'which'", () => {
    const { statement } = speakersOf(
      "Rumours of a new ferry line spread on Monday.\n\n" +
        "One source for the rumour is a shipping broker, which said the company would open the line in order to compete with the airlines.",
    );
    expect(statement("compete with the airlines").names).toEqual(["shipping broker"]);
  });

  it("adds the speaker of a reported clause beside the one the rules find", () => {
    const { statement } = speakersOf(
      "The schools closed early on Friday.\n\n" +
        "Mayor Jane Roe said on Monday that the teachers' union vowed to strike until the district restores the funding.",
    );
    expect(statement("vowed to strike").names).toEqual(["Jane Roe", "teachers' union"]);
  });
});

describe("the linguistic layer", () => {
  it("tags parts of speech and entity types with offsets", () => {
    const text = "Mayor Ellen Park spoke at 10:30 a.m. on Friday to 200 residents.";
    const tokens = tokenize(text);
    const at = (word: string) => tokens.find((t) => t.text === word);
    expect(at("Ellen")?.entity).toBe("PERSON");
    expect(at("10:30")?.entity).toBe("TIME");
    expect(at("Friday")?.entity).toBe("DATE");
    expect(at("200")?.entity).toBe("CARDINAL");
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("speakers the rules read from the sentence's structure", () => {
  it("a titled name with the place it is from, after a quotation, is the speaker", () => {
    const { statement } = speakersOf(
      "The harbour plan drew criticism on Tuesday.\n\n" +
        "“The plan should be withdrawn, not defended,” former Gov. Jane Roe of Utah said on Twitter.",
    );
    expect(statement("should be withdrawn").names).toEqual(["Jane Roe"]);
  });

  it("a named outlet someone told is credited as well, and is not part of the claim", () => {
    const { statement, digest } = speakersOf(
      "The river flooded the lower town on Sunday.\n\n" +
        "John Doe, head of the town council, told Harbour Radio the water had reached the church steps.",
    );
    const st = statement("reached the church steps");
    expect(st.names).toEqual(["John Doe", "Harbour Radio"]);
    expect(st.claim).not.toContain("Harbour Radio");
    expect(digest.sources.find((s) => s.name === "Harbour Radio")?.kind).toBe("media");
  });

  it("after a quotation too: '“...,” Doe told Harbour Radio.'", () => {
    const { statement } = speakersOf(
      "The river flooded the lower town on Sunday.\n\n" +
        "“The water reached the church steps,” John Doe told Harbour Radio.",
    );
    expect(statement("church steps").names).toEqual(["John Doe", "Harbour Radio"]);
  });
});

describe("the agent of a passive report is its source", () => {
  it("'revealed by' a station and 'referred to by' a plural group name sources, without their adjuncts", () => {
    const { sourceNames } = speakersOf(
      "The harbour order came from a memo, which was revealed by the Coast FM station on Tuesday.\n\n" +
        "The smugglers were referred to by former crew members as the Night Boats because of their dark hulls.",
    );
    expect(sourceNames).toContain("Coast FM station");
    expect(sourceNames).toContain("former crew members");
  });
});

describe("a subject with a relative clause", () => {
  it("'Name, who ..., said C' cites the name, not the words after the verb", () => {
    const { statement } = speakersOf(
      "The bridge stayed shut on Monday.\n\n" +
        "John Doe, who ran the harbour authority from 2010 until last year, said the council ignored the warnings.",
    );
    expect(statement("ignored the warnings").names).toEqual(["John Doe"]);
  });
});

describe("nouns that end like adverbs", () => {
  it("'a lawyer for the family said' keeps 'family' in the speaker", () => {
    const { statement, digest } = speakersOf(
      "The inquiry opened on Monday.\n\n" +
        "The relatives watched the video on Thursday, a lawyer for the family said.",
    );
    expect(statement("watched the video").names).toEqual(["lawyer"]);
    expect(digest.sources.find((s) => s.name === "lawyer")?.role).toBe("for the family");
  });
});

describe("surnames that look like verbs", () => {
  it("'Husted said' is Husted's, though the name ends like a past tense", () => {
    const { statement } = speakersOf(
      "Secretary of State Jon Husted defended the rules on Monday.\n\n" +
        "In a statement, Husted said the court's decision would force the state to keep dead voters on the rolls.",
    );
    expect(statement("keep dead voters").names).toEqual(["Jon Husted"]);
  });
});

describe("whom a report cites", () => {
  it("the witnesses or sources a body cites are sources of the statement too", () => {
    const { statement } = speakersOf(
      "Smoke rose over the port on Monday.\n\n" +
        "The Harbour Safety Board has cited dock workers who saw the fire start in a warehouse.",
    );
    expect(statement("saw the fire start").names).toEqual(["Harbour Safety Board", "dock workers"]);
  });
});

describe("embedded posts", () => {
  it("the signature line under a post names who wrote it and is no statement itself", () => {
    const { statement, digest } = speakersOf(
      "Rumours of a harbour closure spread online on Friday.\n\n" +
        "Whoa, the harbour is closing next week and the fishermen were never warned. #harbour\n\n" +
        "— Jane Roe (@janeroe_news) May 2, 2016",
    );
    expect(statement("harbour is closing next week").names).toEqual(["Jane Roe"]);
    expect(digest.statements.some((s) => s.claim.includes("@janeroe_news"))).toBe(false);
  });
});

describe("what kind of source the article shows a speaker to be", () => {
  it("'Gov.' before a name and a campaign run in a name make a politician", () => {
    const { digest } = speakersOf(
      "The Roe campaign bought new ads in the harbour towns on Friday.\n\n" +
        "Jane Roe said the ferry fares would be cut in half.\n\n" +
        "Gov. John Doe said the state could not afford the cut.",
    );
    const kindOf = (name: string) => digest.sources.find((s) => s.name === name)?.kind;
    expect(kindOf("Jane Roe")).toBe("politician");
    expect(kindOf("John Doe")).toBe("politician");
  });
});

describe("speakers the word lists missed", () => {
  it("a name ending in an accented letter is a speaker ('García said' is not 'a said')", () => {
    const { statement } = speakersOf(
      "The school board met on Tuesday.\n\n“We will reopen the gym next week,” Ana García said.\n\n" +
        "“Nobody was hurt,” Peña said.",
    );
    expect(statement("reopen the gym").names).toEqual(["Ana García"]);
    expect(statement("Nobody was hurt").names).toEqual(["Peña"]);
  });

  it("'according to' credits a study or a poll named without a determiner", () => {
    const { statement } = speakersOf(
      "The race tightened this week.\n\n" +
        "The mayor has raised $2 million from local donors, according to new Civic Ledger research.",
    );
    expect(statement("raised $2 million").names.join(" ")).toMatch(/Civic Ledger research/);
  });

  it("a surname ending in -ing after an opening phrase is the speaker, and so is a subject with a relative clause", () => {
    const { statement } = speakersOf(
      "Residents gathered at the library.\n\n" +
        "Walking to her car, Dowling waved at the crowd, and said the vote had changed her mind.\n\n" +
        "The council members whose budgets were cut say the savings will not last.",
    );
    expect(statement("changed her mind").names).toEqual(["Dowling"]);
    expect(statement("savings will not last").names.join(" ")).toMatch(/council members/);
  });

  it("the learned tagger reads a speech verb no list holds, but not a passive's subject", () => {
    const tagger = shippedTagger();
    expect(tagger).not.toBeNull();
    const { statement } = speakersOf(
      "The meeting ran late.\n\n“Sit down and let the residents speak,” Harlan Mott barked at the council.\n\n" +
        "The old red tram was seen near the bridge at dawn on Sunday.",
    );
    expect(statement("Sit down").names).toEqual(["Harlan Mott"]);
    const tram = statement("red tram was seen");
    expect(tram.sources).toEqual([]);
    expect(tram.status).toBe("confirmed");
  });

  it("the subject of an open question is not a speaker: who made the video is what is not known", () => {
    const { statement } = speakersOf(
      "The video spread quickly on Tuesday.\n\n" +
        "It was not clear whether anyone at Harwell Media wrote the caption that went with it.",
    );
    const caption = statement("wrote the caption");
    expect(caption.names).toEqual([]);
    expect(caption.status).toBe("unknown");
  });
});
