import { describe, expect, it } from "vitest";
import { cli, engineRuns } from "./support/cli.ts";

const article = [
  "Depot fire contained",
  "Police Chief Dana Ortiz said no one was injured in the fire.",
  "The cause of the fire has not been determined.",
].join("\n\n");

describe("bin/newsdesk ask --jsonl", () => {
  it("answers each line with status, answer and cited paragraphs; reports a bad line by number and goes on", async () => {
    const lines = [
      JSON.stringify({ id: "q1", article, question: "Was anyone injured?" }),
      "{not json",
      JSON.stringify({ id: "q3", article }),
      JSON.stringify({ id: "q4", article, question: "Who said no one was hurt?" }),
      JSON.stringify({ id: "q5", article, question: "How many trucks were stolen?" }),
    ].join("\n");
    const r = await cli(["ask", "--jsonl"], `${lines}\n`, { LOG_LEVEL: "info" });
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["q1", "q4", "q5"]);
    for (const o of out) expect(Object.keys(o).sort()).toEqual(["answer", "id", "paragraphs", "status"]);
    expect(out[0].status).not.toBe("not_covered");
    expect(out[0].paragraphs).toEqual([1]);
    expect(out[0].answer).toContain("no one was injured");
    expect(out[1].answer).toContain("Dana Ortiz");
    expect(out[2]).toEqual({
      id: "q5",
      status: "not_covered",
      answer: "The article does not say.",
      paragraphs: [],
    });
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/line 3 \(id q3\): field "question" must be a string/);
    // The questions share one article: it is digested once.
    expect(engineRuns(r.stderr)).toBe(1);
  });
});
