/**
 * How a denial is read. "Officials denied reports of a gas leak" does not make the gas leak a fact, nor
 * its absence: the article carries two accounts, so the denied content is disputed, with the denial as
 * its evidence. Verbs of refusal that share the form ("was denied bail", "the court rejected the
 * appeal") are not denials of a claim and are left to the ordinary reading.
 */

/** Reporting verbs that deny or reject what someone else said. */
const DENY_CUE = /^(?:(?:has|have|had)\s+)?(?:denied|denies|deny|denying|refuted|refutes|rebutted|rebuts)$/i;
/** Verbs that deny only when their object is an account or a proposition ("rejected the claim that"). */
const REJECT_CUE =
  /^(?:(?:has|have|had)\s+)?(?:rejected|rejects|dismissed|dismisses|disputed|disputes|contested|contests)$/i;

/** Nouns naming an account of events: what a denial can be aimed at. */
export const ACCOUNT_NOUN =
  /\b(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?|rumou?rs?|assertions?|notion|idea|stor(?:y|ies)|accounts?|version|figures?|findings?|conclusions?|characteri[sz]ation|speculation)\b/i;

// What a refusal takes as its object: a thing asked for, not a claim ("denied bail", "denied them entry").
const REFUSED_THING =
  /^(?:him|her|them|me|us|you|it\s+(?:to|a|an|the)\b)?\s*(?:the\s+|a\s+|an\s+|any\s+|his\s+|her\s+|their\s+)?(?:bail|entry|access|permission|request|application|visa|appeal|motion|petition|bid|offer|proposal|plea|parole|asylum|credit|funding|license|licence|admission|service|treatment)\b/i;

// A proposition: the content has a finite verb of its own ("that the plant had failed").
const FINITE_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|did|does|do|[a-z]{3,}ed)\b/i;

/** Whether a reporting cue with this content denies a claim. */
export function isDenial(cue: string | undefined, content: string): boolean {
  if (!cue) return false;
  const text = content.trim();
  if (DENY_CUE.test(cue)) return !REFUSED_THING.test(text);
  if (REJECT_CUE.test(cue)) {
    const head = text.split(/\s+/).slice(0, 4).join(" ");
    return ACCOUNT_NOUN.test(head) || (FINITE_VERB.test(text) && !REFUSED_THING.test(text));
  }
  return false;
}

export interface DenialReading {
  status: "disputed";
  rationale: string;
  responsibilityClaim: false;
}

/** The reading of a denied claim, or undefined when the cue does not deny it. */
export function readDenial(
  text: string,
  cue: string | undefined,
  by: string | undefined,
): DenialReading | undefined {
  if (!isDenial(cue, text)) return undefined;
  return { status: "disputed", rationale: `denied by ${by ?? "a source"}`, responsibilityClaim: false };
}
