import { checkClaim } from "../check/claim-check.ts";
import type { ClaimCheck, Digest } from "../digest/schema.ts";
import { detectJunk } from "../engine/junk.ts";
import { normalizeInput, splitParagraphs } from "../nlp/text.ts";
import { BoundedMap } from "../util/bounded-map.ts";
import { type Answer, answerQuestion } from "./ask.ts";

/** Answers questions and checks claims against an article's digest: offline, or with the model. */
export interface Answerer {
  readonly kind: "offline" | "model";
  ask(digest: Digest, question: string): Promise<Answer>;
  /** Offline, the digest is optional (its junk flags are reused when cached); the model needs it. */
  check(article: string, claim: string, digest?: Digest): Promise<ClaimCheck>;
  /** Whether check needs a digest built first. */
  readonly checkNeedsDigest: boolean;
}

// Batches check many claims against few articles: junk detection runs once per article text.
// Keyed by the text (its hash is cached by the engine, a batch repeats it thousands of times), bounded by bytes.
const junkMemo = new BoundedMap<string, number[]>(512, {
  maxWeight: 32 * 1024 * 1024,
  weigh: (_, text) => 2 * text.length,
});

/** Paragraphs a scraper spliced in: from the digest when there is one, else from junk detection alone. */
function junkOf(article: string, digest?: Digest): number[] {
  if (digest) return digest.paragraphs.filter((p) => p.junk).map((p) => p.index);
  const known = junkMemo.get(article);
  if (known) return known;
  const junk = detectJunk(splitParagraphs(normalizeInput(article)))
    .map((v, i) => (v.junk ? i : -1))
    .filter((i) => i >= 0);
  junkMemo.set(article, junk);
  return junk;
}

export const offlineAnswerer: Answerer = {
  kind: "offline",
  ask: async (digest, question) => answerQuestion(digest, question),
  checkNeedsDigest: false,
  // The check reads only what the story kept (spliced junk never counts as coverage) and, with a
  // digest at hand, agrees with the digest's reading of the sentence that supports the claim.
  check: async (article, claim, digest) =>
    checkClaim(article, claim, {
      junkParagraphs: junkOf(article, digest),
      ...(digest ? { statements: digest.statements } : {}),
    }),
};
