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

// What a refusal takes as its object: a thing asked for, not a claim ("denied bail", "denied them
// entry", "rejected a media request").
const REFUSED_THING =
  /^(?:him|her|them|me|us|you)?\s*(?:(?:the|a|an|any|his|her|their|its)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:bail|entry|access|permission|requests?|applications?|visas?|appeals?|motions?|petitions?|bids?|offers?|proposals?|pleas?|parole|asylum|credit|funding|licen[cs]es?|admission|service|treatment|nominations?|arguments?|lawsuits?|bills?|amendments?|measures?|resolutions?)\b/iu;

// A proposition: a clause whose subject leads straight into a finite verb ("the plant had failed"),
// not a noun phrase ("the appeal", "single mothers, black families would ...").
const CLAUSE = /^(?:[\p{L}\d'’-]+\s+){0,5}?(?:is|are|was|were|has|have|had|will|would|could|did|does|do)\b/iu;

/** Whether a reporting cue with this content denies a claim. */
export function isDenial(cue: string | undefined, content: string): boolean {
  if (!cue) return false;
  const text = content.trim();
  if (DENY_CUE.test(cue)) return !REFUSED_THING.test(text);
  if (REJECT_CUE.test(cue)) {
    const head = text.split(/\s+/).slice(0, 4).join(" ");
    return ACCOUNT_NOUN.test(head) || (CLAUSE.test(text) && !REFUSED_THING.test(text));
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
