import { describe, expect, it } from "vitest";
import { digestCommands } from "../commands/index.ts";
import { offlineAnswerer } from "../src/ask/answerer.ts";
import type { Digest } from "../src/digest/schema.ts";
import { digestArticle } from "../src/engine/offline.ts";
import { renderDigestText } from "../src/render/digest-text.ts";

// Our own article, with curly quotes, an apostrophe, a dash and accented names.
const CLEAN = [
  "Warehouse fire forces evacuation in Riverton",
  "A fire broke out at a furniture warehouse on Dock Street early on Tuesday, and about 200 residents were evacuated.",
  "“The building is a total loss, but nobody was inside,” said Fire Chief Renée Dubois.",
  "Police spokesman José Álvarez said investigators had not yet determined what caused the fire.",
  "The warehouse’s owner may have been storing fuel illegally, according to a neighbour — a claim the owner denied.",
].join("\n\n");

// Windows-1252 bytes 0x80-0x9F (undefined ones stay C1 controls, as browsers show them).
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** The same text as a web page shows it when its UTF-8 bytes are read as Windows-1252. */
function mojibake(text: string): string {
  return [...new TextEncoder().encode(text)]
    .map((b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b)))
    .join("");
}

const reading = (d: Digest) => ({
  statements: d.statements.map((s) => [s.claim, s.status, s.sources, s.evidence]),
  sources: d.sources.map((s) => [s.name, s.kind, s.aliases]),
  junk: d.paragraphs.map((p) => p.junk),
});

describe("mis-encoded input", () => {
  it("reads a mojibake article as its clean twin and says it repaired it", () => {
    const broken = mojibake(CLEAN);
    expect(broken).toContain("â€œ");
    const clean = digestArticle(CLEAN);
    const repaired = digestArticle(broken);
    expect(reading(repaired)).toEqual(reading(clean));
    expect(repaired.paragraphs[2]?.text).toContain("“The building is a total loss");
    expect(repaired.warnings.some((w) => w.kind === "encoding_repaired")).toBe(true);
    expect(clean.warnings.some((w) => w.kind === "encoding_repaired")).toBe(false);
    // The two inputs stay two cache entries, each with its own warnings.
    expect(repaired.inputSha256).not.toBe(clean.inputSha256);
  });
});

// Our own French article: on the record, plainly narrated, the kind of text English rules call confirmed.
const FRENCH = [
  "Incendie dans un entrepôt à Lyon : deux cents habitants évacués",
  "Un incendie s'est déclaré mardi matin dans un entrepôt de meubles de la rue du Port, et environ deux cents habitants ont été évacués par les pompiers.",
  "« Le bâtiment est entièrement détruit, mais personne n'était à l'intérieur », a déclaré le commandant des pompiers, Renée Dubois.",
  "Selon la police, les enquêteurs n'ont pas encore déterminé la cause de l'incendie, et le propriétaire a refusé de répondre aux questions.",
].join("\n\n");

describe("an article in another language", () => {
  const digest = digestArticle(FRENCH);

  it("says plainly that the offline engine reads English only and confirms nothing", () => {
    const warning = digest.warnings.find((w) => w.kind === "language_unsupported");
    expect(warning?.message).toMatch(/French/);
    expect(warning?.message).toMatch(/English only/);
    expect(warning?.message).toMatch(/model/);
    expect(digest.statements.filter((s) => s.status === "confirmed")).toEqual([]);
    expect(digest.paragraphs.every((p) => !p.junk)).toBe(true);
  });

  it("puts the notice above every reply and in the printed digest", async () => {
    for (const name of ["summary", "brief", "confirmed", "unconfirmed", "sources"]) {
      const reply = await digestCommands.get(name)?.handle(digest, {}, { answerer: offlineAnswerer });
      expect(reply?.embeds[0]?.description ?? "").toMatch(/reads English only/);
    }
    expect(renderDigestText(digest).split("\n")[0]).toMatch(/reads English only/);
  });

  it("leaves English articles without the notice", () => {
    expect(digestArticle(CLEAN).warnings.some((w) => w.kind === "language_unsupported")).toBe(false);
  });
});
