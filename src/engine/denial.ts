/**
 * How a denial is read. "Officials denied reports of a gas leak" does not make the gas leak a fact, nor
 * its absence: the article carries two accounts, so the denied content is disputed, with the denial as
 * its evidence. Verbs of refusal that share the form ("was denied bail", "the court rejected the
 * appeal") are not denials of a claim and are left to the ordinary reading.
 */

/** Reporting verbs that deny or reject what someone else said. */
const DENY_CUE =
  /^(?:(?:has|have|had)\s+)?(?:denied|denies|deny|denying|refuted|refutes|rebutted|rebuts)(?:\s+by)?$/i;
/**
 * A denial reported inside what another source said: "Officials have denied that the dam was damaged,
 * the agency said." The subject leads straight into the verb; "was denied bail" is passive, not a denial.
 */
const NESTED_DENIAL =
  /^((?:[\p{L}\d'’.-]+\s+){1,6}?)(?:(?:has|have|had)\s+)?(?:(?:strongly|flatly|firmly|repeatedly|again|also)\s+)?(?:denied|denies|refuted|refutes)\s+(?:that|the|any|all|reports?|claims?|allegations?|accusations?|charges?|wrongdoing|involvement|responsibility|it|this|these|those)\b/iu;
/** "The allegations were denied by the company": a denial told in the passive, its denier after "by". */
const DENIED_BY = /\b(?:was|were|has been|have been|had been)\s+(?:[a-z]+ly\s+)?(?:denied|refuted)\s+by\b/i;
const PASSIVE_BEFORE = /\b(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+)?(?:denied|refuted)\b/i;
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

/** Who denies in a denial reported inside the content ("the department denied that ..."), if one is. */
function nestedDenier(text: string): string | undefined {
  // The anchored pattern first: it fails at once on most text, the passive check scans all of it.
  const subject = NESTED_DENIAL.exec(text)?.[1];
  return subject === undefined || PASSIVE_BEFORE.test(text) ? undefined : subject.trim();
}

/** Whether a reporting cue with this content denies a claim. */
export function isDenial(cue: string | undefined, content: string): boolean {
  const text = content.trim();
  if (nestedDenier(text) !== undefined || DENIED_BY.test(text)) return true;
  if (!cue) return false;
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
  // A denial inside what another source said is the denier's ("Local media reported X, but the
  // department denied that ...": the department denies), not the reporting source's.
  return {
    status: "disputed",
    rationale: `${DENIAL_RATIONALE}${nestedDenier(text.trim()) ?? by ?? "a source"}`,
    responsibilityClaim: false,
  };
}

const DENIAL_RATIONALE = "a denial from ";

/** Whether a statement's reading is a denial (disputes.ts links it to the claim it denies). */
export const isDenialReading = (rationale: string) => rationale.startsWith(DENIAL_RATIONALE);
