import type { SourceKind, Status } from "../digest/schema.ts";
import { readDenial } from "./denial.ts";
import { CLAIM_VERBS, HEDGE, NOT_KNOWN, RESPONSIBILITY_CLAIM } from "./lexicon.ts";

export interface StatusInput {
  /** The clause's own words (content of the attribution, or the whole clause). */
  text: string;
  cue?: string;
  source?: { name: string; kind: SourceKind; anonymous: boolean };
}

export interface StatusReading {
  status: Status;
  rationale: string;
  responsibilityClaim: boolean;
}

const AUTHORITY: ReadonlySet<SourceKind> = new Set(["official", "police"]);

const WITHHELD =
  /^(?:to\s+)?(?:give|provide|comment|say|discuss|disclose|reveal|release|confirm|name|identify|elaborate|specify|answer|offer|share)\b|^(?:any\s+)?(?:comment|details?|further)\b/i;

/** Why a claim has the status it has: the trust rules a copy desk applies, in order. */
export function readStatus({ text, cue, source }: StatusInput): StatusReading {
  // --- Denials (see denial.ts): a denied claim is disputed, never a fact of what was denied. ---
  const denied = readDenial(text, cue, source?.name);
  if (denied) return denied;
  // --- end of denials ---
  // "X refused to give details": the source withheld something, so it is an open question.
  if (cue && /^(refused|declined|would not say|did not say)$/i.test(cue) && WITHHELD.test(text))
    return {
      status: "unknown",
      rationale: `not disclosed: ${source?.name ?? "the source"} ${cue}`,
      responsibilityClaim: false,
    };
  const notKnown = NOT_KNOWN.exec(text);
  if (notKnown)
    return { status: "unknown", rationale: `open question: '${notKnown[0]}'`, responsibilityClaim: false };
  if (
    RESPONSIBILITY_CLAIM.test(text) ||
    (cue && /claimed/i.test(cue) && /\b(attack|responsib|carried out|behind)\b/i.test(text))
  )
    return {
      status: "unconfirmed",
      rationale: "a claim of responsibility: reported, not verified",
      responsibilityClaim: true,
    };
  const hedge = HEDGE.exec(text);
  if (hedge) return { status: "unconfirmed", rationale: `hedged: '${hedge[0]}'`, responsibilityClaim: false };
  if (!source)
    return { status: "confirmed", rationale: "the reporter's own narration", responsibilityClaim: false };
  if (cue && CLAIM_VERBS.test(cue))
    return {
      status: "unconfirmed",
      rationale: `'${cue}' by ${source.name}: not verified`,
      responsibilityClaim: false,
    };
  if (source.anonymous)
    return { status: "unconfirmed", rationale: "unnamed source", responsibilityClaim: false };
  if (AUTHORITY.has(source.kind) || source.kind === "other")
    return {
      status: "confirmed",
      rationale: `on the record from ${source.name}${AUTHORITY.has(source.kind) ? ` (${source.kind})` : ""}`,
      responsibilityClaim: false,
    };
  const why: Partial<Record<SourceKind, string>> = {
    media: "single outlet",
    agency: "single news agency",
    witness: "eyewitness account",
    union: "a union, not the investigating authority",
    monitor: "relayed by a monitoring group",
    social: "social media post",
    claimant: "a party's own claim",
    politician: "a politician's statement",
  };
  return {
    status: "unconfirmed",
    rationale: `${why[source.kind] ?? "single source"}: ${source.name}`,
    responsibilityClaim: false,
  };
}
