import { checkClaim } from "../check/claim-check.ts";
import type { ClaimCheck, Digest } from "../digest/schema.ts";
import { type Answer, answerQuestion } from "./ask.ts";

/** Answers questions and checks claims against an article's digest: offline, or with the model. */
export interface Answerer {
  readonly kind: "offline" | "model";
  ask(digest: Digest, question: string): Promise<Answer>;
  check(article: string, claim: string, digest: Digest): Promise<ClaimCheck>;
}

export const offlineAnswerer: Answerer = {
  kind: "offline",
  ask: async (digest, question) => answerQuestion(digest, question),
  // The check reads only what the digest kept: spliced junk never counts as coverage.
  check: async (article, claim, digest) =>
    checkClaim(article, claim, {
      junkParagraphs: digest.paragraphs.filter((p) => p.junk).map((p) => p.index),
    }),
};
