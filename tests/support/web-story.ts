import Keyv from "keyv";
import type { Digest, Source, Statement } from "../../src/digest/schema.ts";
import type { DigestEngine } from "../../src/engine/engine.ts";
import { KeyvArticleLibrary } from "../../src/library/library.ts";
import { normalizeLayout, sha256 } from "../../src/nlp/text.ts";
import { DigestService } from "../../src/store/digest-service.ts";
import { capturingLogger } from "./log-capture.ts";

/**
 * An invented story in two versions, with hand-written digests so the web view's tests do not depend on
 * how the engine reads it: a confirmed fact, an unconfirmed identity, a disputed count, an open question,
 * a spliced junk paragraph, and markup (`<script>`, `<b>`) inside a kept paragraph.
 */
const P = [
  "Footbridge collapses over the Tamsin river",
  "The Mill Lane footbridge in Harlow collapsed into the Tamsin river at 7:40 a.m. on Tuesday, the county fire service said.",
  "Local news site HarlowNow named the man pulled from the water as Petr Vasko, a delivery rider. Police have not released his identity.",
  "The fire service said four people were taken to hospital, while a witness, Mara Quell, told reporters at least seven were hurt.",
  "Ten riverside walks to try this spring. Click here to read our guide and sign up for the newsletter.",
  "A sign on the railing read <b>Closed for repairs</b> and someone had written <script>alert(1)</script> beneath it, Mara Quel said.",
];
const P2 = [
  ...P.slice(0, 2),
  "Police identified the man pulled from the water as Petr Vasko, a delivery rider, Harlow Council said.",
  ...P.slice(3),
];

export const STORY_V1 = P.join("\n\n");
export const STORY_V2 = P2.join("\n\n");
export const STORY_TITLE = "Footbridge collapse <em>live</em>";

export const source = (id: string, name: string, kind: Source["kind"], aliases: string[] = []): Source => ({
  id,
  name,
  kind,
  aliases,
  mentions: [],
});

export const statement = (
  id: string,
  status: Statement["status"],
  claim: string,
  sources: string[],
  paragraph: number,
  quote: string,
  conflictsWith?: string[],
): Statement => ({
  id,
  claim,
  status,
  sources,
  evidence: [{ paragraph, quote }],
  rationale: "fixture",
  ...(conflictsWith ? { conflictsWith } : {}),
});

/** A digest of the paragraphs (joined as `text`); `junk` gives the dropped paragraphs' reasons by index. */
export function digestOf(
  paragraphs: string[],
  text: string,
  statements: Statement[],
  sources: Source[],
  junk: Record<number, string> = { 4: "spliced teaser: shares almost no terms with the story" },
): Digest {
  return {
    title: paragraphs[0] ?? "",
    summary: "fixture summary",
    paragraphs: paragraphs.map((t, index) => {
      const reason = junk[index];
      return reason !== undefined ? { index, text: t, junk: true, reason } : { index, text: t, junk: false };
    }),
    statements,
    sources,
    timeline: [],
    warnings: [],
    engine: { name: "fixture", version: "1" },
    inputSha256: sha256(normalizeLayout(text)),
  };
}

const fire = source("src1", "county fire service", "official", ["fire service"]);
const harlowNow = source("src2", "HarlowNow", "media");
const police = source("src3", "Police", "police");
const quell = source("src4", "Mara Quell", "witness", ["Mara Quel"]);
const council = source("src5", "Harlow Council", "official");

const common = [
  statement(
    "s1",
    "confirmed",
    "The Mill Lane footbridge collapsed into the Tamsin river at 7:40 a.m. on Tuesday",
    ["src1"],
    1,
    "The Mill Lane footbridge in Harlow collapsed into the Tamsin river at 7:40 a.m. on Tuesday",
  ),
  statement(
    "s4",
    "disputed",
    "four people were taken to hospital",
    ["src1"],
    3,
    "four people were taken to hospital",
    ["s5"],
  ),
  statement("s5", "disputed", "at least seven were hurt", ["src4"], 3, "at least seven were hurt", ["s4"]),
  statement(
    "s6",
    "unconfirmed",
    "A sign on the railing read <b>Closed for repairs</b>",
    ["src4"],
    5,
    "A sign on the railing read <b>Closed for repairs</b>",
  ),
];

export const DIGEST_V1 = digestOf(
  P,
  STORY_V1,
  [
    common[0] as Statement,
    statement(
      "s2",
      "unconfirmed",
      "The man pulled from the water was Petr Vasko, a delivery rider",
      ["src2"],
      2,
      "named the man pulled from the water as Petr Vasko, a delivery rider",
    ),
    statement(
      "s3",
      "unknown",
      "Police have not released his identity",
      ["src3"],
      2,
      "Police have not released his identity",
    ),
    ...common.slice(1),
  ],
  [fire, harlowNow, police, quell],
);

export const DIGEST_V2 = digestOf(
  P2,
  STORY_V2,
  [
    common[0] as Statement,
    statement(
      "s2",
      "confirmed",
      "The man pulled from the water was Petr Vasko, a delivery rider",
      ["src3"],
      2,
      "Police identified the man pulled from the water as Petr Vasko, a delivery rider",
    ),
    ...common.slice(1),
  ],
  [fire, police, quell, council],
);

/** Serves the hand-written digest of each known text, and nothing else. */
class FixtureEngine implements DigestEngine {
  readonly info = { name: "fixture", version: "1" };
  constructor(private readonly digests: ReadonlyMap<string, Digest>) {}
  async digest(article: string): Promise<Digest> {
    const digest = this.digests.get(article);
    if (digest) return digest;
    throw new Error("the fixture engine knows only its own stories");
  }
}

/** A library in memory holding one article in guild g1 with the given versions, oldest first. */
export async function fixtureLibrary(title: string, versions: { text: string; digest: Digest }[]) {
  const digests = new DigestService({
    engine: new FixtureEngine(new Map(versions.map((v) => [v.text, v.digest]))),
    store: undefined,
    log: capturingLogger().log,
    timeoutMs: 500,
  });
  const library = new KeyvArticleLibrary(new Keyv(), digests, 500);
  const paste = { kind: "paste" as const };
  const [first, ...later] = versions;
  if (!first) throw new Error("an article has at least one version");
  const added = await library.add({ guildId: "g1", text: first.text, title, origin: paste, addedBy: "u" });
  for (const v of later)
    await library.update({ guildId: "g1", id: added.article.id, text: v.text, origin: paste, addedBy: "u" });
  return { library, digests, id: added.article.id };
}

/** A library in memory holding the story as `footbridge` in guild g1: version 1, then version 2. */
export const storyLibrary = () =>
  fixtureLibrary(STORY_TITLE, [
    { text: STORY_V1, digest: DIGEST_V1 },
    { text: STORY_V2, digest: DIGEST_V2 },
  ]);
