import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digestCommands } from "../commands/index.ts";
import { answerConsoleLine } from "../src/cli/console.ts";
import { digestJsonSchema } from "../src/digest/schema.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { sampleText } from "./support/paths.ts";

const digest = digestArticle(sampleText());

describe("local console and command handlers", () => {
  it("answers /summary with the headline and status counts", async () => {
    const out = await answerConsoleLine(digest, "/summary");
    expect(out).toContain("Paris police say officer and attacker shot, killed");
    expect(out).toMatch(/\d+ confirmed · \d+ unconfirmed · \d+ disputed · \d+ open questions?/);
  });

  it("keeps the attacker's identity out of /confirmed and lists it in /unconfirmed", async () => {
    expect(await answerConsoleLine(digest, "/confirmed")).not.toContain("identity");
    expect(await answerConsoleLine(digest, "/unconfirmed")).toMatch(/Open questions[\s\S]*identity/);
  });

  it("shows one spokesman with both spellings in /sources", async () => {
    const out = await answerConsoleLine(digest, "/sources");
    const headers = out.split("\n").filter((l) => l.startsWith("-- ") && /Pierre-Henr/.test(l));
    expect(headers).toHaveLength(1);
    expect(out).toMatch(/Also written: .*Pierre-Henri Brandit/);
  });

  it("answers /ask from the digest and says plainly when the article does not say", async () => {
    expect(await answerConsoleLine(digest, "/ask who claimed responsibility?")).toMatch(/Unconfirmed/);
    expect(await answerConsoleLine(digest, "/ask what was the weather like?")).toContain(
      "The article does not say.",
    );
    expect(await answerConsoleLine(digest, "/ask")).toMatch(/Usage/);
  });

  it("explains unknown commands", async () => {
    expect(await answerConsoleLine(digest, "/frobnicate")).toMatch(/Unknown command \/frobnicate/);
  });

  it("declares every command as data with a name and description", async () => {
    for (const [name, command] of digestCommands) {
      expect(command.definition.name).toBe(name);
      expect(command.definition.description.length).toBeGreaterThan(0);
      expect(command.definition.description.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("documentation", () => {
  it("ships the digest's current JSON Schema in docs/", async () => {
    const shipped = JSON.parse(readFileSync(new URL("../docs/digest.schema.json", import.meta.url), "utf8"));
    expect(shipped).toEqual(digestJsonSchema());
  });
});
