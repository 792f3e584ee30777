import { describe, expect, it } from "vitest";
import { detectJunk, junkSignals } from "../src/engine/junk.ts";
import { normalizeInput, splitParagraphs } from "../src/nlp/text.ts";

// A self-written article with spliced blocks, in the shape scrapers produce.
const ARTICLE = `Warehouse fire in Riverton injures firefighter, forces evacuations

Breaking news logo

A fire tore through a furniture warehouse in Riverton's industrial district on Tuesday night, forcing the evacuation of nearby homes, fire officials said.

CLICK HERE FOR VIDEO

Fire Chief Dana Morrow said crews arrived at the warehouse shortly after 9 p.m. and found the building fully engulfed in flames.

One firefighter was injured and another was treated at the scene.

"The whole sky turned orange," said Maria Lopez, who lives across the street from the warehouse. "We grabbed the kids and ran."

Online Trading Platforms
Reducing risks is possible once you understand how stop and limit orders work. We don't recommend a single broker, but a selection of brokers allowing you to choose the one you like most.

Morrow said investigators had not determined the cause of the fire, but that the warehouse had failed a safety inspection in March.

Harbor dredging plan wins council approval
The council voted 7-2 on Tuesday to fund the dredging project, which supporters say will let larger cargo ships dock at the port by the end of next year.

Pop star cancels Riverton concert after vocal injury
The singer's management said the remaining dates of the tour would be rescheduled, and that ticket holders would be contacted by email with refund options.

Residents of about 40 homes were allowed to return early Wednesday, according to the fire department, which said the fire was under control by 2 a.m.

The warehouse's owner, Keller Furniture, said in a statement that all of its employees had left the building before the fire started.

Firefighters remained at the scene on Wednesday to put out hot spots, and the fire department said a section of Mill Road would stay closed to traffic.`;

function verdicts(text: string) {
  const paragraphs = splitParagraphs(normalizeInput(text));
  return { paragraphs, verdicts: detectJunk(paragraphs) };
}

function verdictFor(text: string, startsWith: string) {
  const { paragraphs, verdicts: v } = verdicts(text);
  const i = paragraphs.findIndex((p) => p.startsWith(startsWith));
  expect(i, `paragraph starting with ${startsWith}`).toBeGreaterThanOrEqual(0);
  return v[i];
}

describe("detectJunk", () => {
  it("returns one verdict per paragraph, in order", () => {
    const { paragraphs, verdicts: v } = verdicts(ARTICLE);
    expect(v).toHaveLength(paragraphs.length);
    expect(detectJunk([])).toEqual([]);
  });

  it("never drops the headline", () => {
    expect(
      detectJunk([
        "Pop star cancels concert\nThe singer's management said the remaining dates would be rescheduled.",
      ])[0],
    ).toEqual({
      junk: false,
    });
    expect(verdictFor(ARTICLE, "Warehouse fire in Riverton")).toEqual({ junk: false });
  });

  it("drops a spliced headline + teaser block with a reason", () => {
    const v = verdictFor(ARTICLE, "Harbor dredging plan");
    expect(v?.junk).toBe(true);
    expect(v?.reason).toMatch(/teaser/);
  });

  it("drops a teaser that shares a place name with the story", () => {
    expect(verdictFor(ARTICLE, "Pop star cancels Riverton concert")?.junk).toBe(true);
  });

  it("drops an advertising block", () => {
    expect(verdictFor(ARTICLE, "Online Trading Platforms")?.junk).toBe(true);
  });

  it("drops 'CLICK HERE FOR VIDEO' and image alt text, saying why", () => {
    expect(verdictFor(ARTICLE, "CLICK HERE FOR VIDEO")?.reason).toMatch(/^page furniture/);
    expect(verdictFor(ARTICLE, "Breaking news logo")?.junk).toBe(true);
  });

  it("keeps a short real one-liner and a witness quote", () => {
    expect(verdictFor(ARTICLE, "One firefighter was injured")).toEqual({ junk: false });
    expect(verdictFor(ARTICLE, '"The whole sky turned orange,"')).toEqual({ junk: false });
  });

  it("keeps every real paragraph, including ones that add new related facts", () => {
    const junkStarts = [
      "Breaking news logo",
      "CLICK HERE",
      "Online Trading",
      "Harbor dredging",
      "Pop star cancels",
    ];
    const { paragraphs, verdicts: v } = verdicts(ARTICLE);
    paragraphs.forEach((p, i) => {
      if (!junkStarts.some((s) => p.startsWith(s))) expect(v[i], p).toEqual({ junk: false });
    });
  });

  it("omits the reason when a paragraph is kept", () => {
    for (const v of detectJunk(splitParagraphs(ARTICLE))) if (!v.junk) expect("reason" in v).toBe(false);
  });

  it("drops embedded-post furniture but keeps the quoted post, who signed it, and prose about it", () => {
    const v = detectJunk([
      "Storm closes schools across the county",
      "The county's emergency office said on Twitter that all schools would close on Thursday.",
      "All county schools are closed Thursday. Stay off the roads if you can.",
      "— County Emergency (@CountyAlerts) March 3, 2021",
      "pic.twitter.com/Ab12Cd34",
      "Read more",
      "Sign up for our daily newsletter to get the latest updates in your inbox.",
    ]);
    expect(v.map((x) => x.junk)).toEqual([false, false, false, false, true, true, true]);
  });

  it("does not take a list or a hard-wrapped paragraph for a teaser", () => {
    const v = detectJunk([
      "What the candidates must do in the debate",
      "The candidates meet on Monday night for the first of three debates, and each has a clear task.",
      "Explain her plans\nShow some humor\nAnswer the question about her emails.",
      "Aides to both candidates said they had spent the weekend rehearsing answers to questions about the\neconomy, immigration and foreign policy with stand-ins playing their rival.",
    ]);
    expect(v.map((x) => x.junk)).toEqual([false, false, false, false]);
  });

  it("handles text without blank lines, where a teaser splits into title and body paragraphs", () => {
    const text = ARTICLE.replace(/\n\n/g, "\n");
    const paragraphs = splitParagraphs(text);
    const v = detectJunk(paragraphs);
    const i = paragraphs.findIndex((p) => p.startsWith("Harbor dredging"));
    expect(v[i]?.junk).toBe(true);
    expect(v[i + 1]?.junk).toBe(true);
    expect(v[paragraphs.findIndex((p) => p.startsWith("One firefighter"))]).toEqual({ junk: false });
  });

  it("exposes the signals behind a verdict", () => {
    const paragraphs = splitParagraphs(ARTICLE);
    const s = junkSignals(paragraphs)[paragraphs.findIndex((p) => p.startsWith("Harbor dredging"))];
    expect(s?.teaserShape).toBe("block");
    expect(s?.cohesion).toBeLessThan(0.3);
  });
});
