import { describe, expect, it } from "vitest";
import { digestArticle } from "../src/engine/offline.ts";
import { statementFor } from "./support/statements.ts";

// Claims are served as text a reporter can repeat: nothing the sentence says may be cut off.
describe("claim text", () => {
  it("keeps a date that ends the claim before an inverted attribution", () => {
    const digest = digestArticle(
      [
        "Storm closes roads in Eastvale",
        "Heavy rain flooded three roads in Eastvale on Saturday.",
        "The curfew would stay in place until Monday, the mayor said.",
      ].join("\n\n"),
    );
    const curfew = statementFor(digest, "The curfew would stay in place");
    expect(curfew.claim).toContain("until Monday");
    expect(curfew.status).toBe("confirmed");
    expect(digest.sources.map((s) => s.name.toLowerCase())).not.toContain("monday");
  });
});
