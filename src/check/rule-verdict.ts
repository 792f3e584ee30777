/**
 * The hand-written stance rules: a verdict and the reason behind it, from the claim's own cues and the
 * cues near the sentences that match it. The learned model reads this verdict as one of its features
 * and the rationale reuses its reasons.
 */
import type { Verdict } from "../digest/schema.ts";
import { type ClaimFeatures, PARAMS, type StanceCues } from "./claim-features.ts";

export type RuleReason =
  | "unrelated"
  | "tentative"
  | "denial_agrees"
  | "denial_against_plain"
  | "denial_unsettled"
  | "rejects"
  | "conflicting"
  | "hedged"
  | "plain";

export interface RuleVerdict {
  verdict: Verdict;
  reason: RuleReason;
}

export function isRelated(f: ClaimFeatures): boolean {
  return f.terms.length > 0 && f.coverage + f.best >= PARAMS.relatedMin;
}

/** A claim that is itself a denial or debunk ("X is a hoax", "X did not happen"). */
export function claimDenies(f: ClaimFeatures): boolean {
  return f.claimNegated.length > 0 && f.claimAffirmsReal.length === 0;
}

export function ruleVerdict(f: ClaimFeatures, cues: StanceCues): RuleVerdict {
  if (!isRelated(f)) return { verdict: "not_covered", reason: "unrelated" };
  if (f.claimHedged.length > 0 || f.claimQuestion) return { verdict: "unconfirmed", reason: "tentative" };
  if (claimDenies(f)) {
    // The claim is itself a denial: an article that debunks or reports a denial supports it.
    if (cues.contra >= PARAMS.agreeDenialMin) return { verdict: "confirmed", reason: "denial_agrees" };
    // Why: an article that plainly reports the very story a claim denies contradicts the claim.
    if (cues.hedgeScore <= PARAMS.hedgeMax)
      return { verdict: "contradicted", reason: "denial_against_plain" };
    return { verdict: "unconfirmed", reason: "denial_unsettled" };
  }
  if (cues.contra >= PARAMS.contradictMin) return { verdict: "contradicted", reason: "rejects" };
  if (cues.contra >= PARAMS.disputeMin) return { verdict: "disputed", reason: "conflicting" };
  if (cues.hedgeScore > PARAMS.hedgeMax) return { verdict: "unconfirmed", reason: "hedged" };
  return { verdict: "confirmed", reason: "plain" };
}
