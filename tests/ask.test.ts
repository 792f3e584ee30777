import { describe, expect, it } from "vitest";
import { type Answer, answerQuestion } from "../src/ask/ask.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { fireText, sampleText } from "./support/paths.ts";

const ask = (article: string, question: string) => answerQuestion(digestArticle(article), question);

/** An article of the given paragraphs, as pasted with blank lines between them. */
const story = (...paragraphs: string[]) => paragraphs.join("\n\n");

/** The answer is given (not "does not say"), cites the paragraph and says what the article says. */
function expectAnswered(answer: Answer, paragraph: number, says: string | RegExp) {
  expect(answer.status).not.toBe("not_covered");
  expect(answer.paragraphs).toContain(paragraph);
  expect(answer.text).toMatch(says);
}

describe("answering a reporter's question by meaning", () => {
  it("answers a count from the sentence that gives it, with the article's own word for it", () => {
    expectAnswered(ask(sampleText(), "How many officers were killed?"), 29, "One officer was killed");
  });

  it.each([
    {
      what: "answers 'was anyone injured?' from 'no one was injured'",
      article: story("Depot fire contained", "Police Chief Dana Ortiz said no one was injured in the fire."),
      question: "Was anyone injured?",
      says: "no one was injured",
    },
    {
      what: "reads a number written as a word and a synonym of the question's verb",
      article: story(
        "Bus leaves coast road near Harwick",
        "Three passengers died when a bus left the coast road near Harwick on Sunday, police said.",
        "The driver was taken to hospital with a broken arm.",
      ),
      question: "How many people were killed?",
      says: "Three passengers died",
    },
    {
      what: "names the source when asked who said something, in other words than the article's",
      article: story(
        "Elm Street bridge to stay closed",
        "The Elm Street bridge will remain closed until Friday while a crack in a pier is repaired, city engineer Priya Natarajan said.",
        "Traffic is being sent along Oak Avenue instead.",
      ),
      question: "Who announced the bridge would stay shut?",
      says: /^\w[\w ]*: Priya Natarajan/,
    },
  ])("$what", ({ article, question, says }) => {
    expectAnswered(ask(article, question), 1, says);
  });

  it.each([
    {
      what: "when only the story's subject is shared",
      article: fireText(),
      question: "How old is Fire Chief Maria Delgado?",
    },
    {
      what: "when the only match is a question the article itself asks",
      article: story(
        "Town hall notes",
        "Will the council raise parking fees in the old town?",
        "Councillors meet on Thursday to discuss the library budget.",
      ),
      question: "Will the council raise parking fees?",
    },
    {
      what: "when asked what someone said whom the article names but never quotes",
      article: story(
        "Fire at Ford warehouse",
        "Lena Ford has owned the warehouse on Mill Lane since 2010.",
        "Police said the fire started in the loading bay late on Monday.",
      ),
      question: "Has Lena Ford said anything?",
    },
    {
      what: "when what the question says happened is not what the article says",
      article: story(
        "Rail union leader steps down",
        "The rail union's leader, Ines Carvalho, stepped down on Monday after six years in the post.",
        "The union represents 40,000 train drivers and guards.",
      ),
      question: "Has the rail union elected a new leader yet?",
    },
  ])("says the article does not say $what", ({ article, question }) => {
    const answer = ask(article, question);
    expect(answer).toMatchObject({
      status: "not_covered",
      text: "The article does not say.",
      paragraphs: [],
    });
  });

  it("answers what someone said from their own statement", () => {
    const article = story(
      "Fire at Ford warehouse",
      "Police said the fire started in the loading bay late on Monday.",
    );
    expectAnswered(ask(article, "What did police say about the fire?"), 1, "loading bay");
  });

  it("answers 'not known yet' when the article says it is not known", () => {
    const answer = ask(fireText(), "Why did the warehouse burn?");
    expect(answer.status).toBe("unknown");
    expect(answer.text).toMatch(/^Not known yet: /);
    expect(answer.paragraphs).toContain(3);
  });
});
