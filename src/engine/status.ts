import type { SourceKind, Status } from "../digest/schema.ts";
import { claimSpine, conditionOf, isProposition, isQuestion } from "./clause-scope.ts";
import { readDenial } from "./denial.ts";
import {
  ACT_CUES,
  ADMISSION_CUES,
  CLAUSE_HEDGES,
  LOW_COMMITMENT_CUES,
  PLAN,
  RESPONSIBILITY_CLAIM,
  STANCE,
} from "./lexicon.ts";
import { openQuestion } from "./open-questions.ts";
import { kindFromText } from "./source-phrase.ts";

export interface StatusInput {
  /** The clause's own words (content of the attribution, or the whole clause). */
  text: string;
  cue?: string;
  source?: {
    name: string;
    kind: SourceKind;
    anonymous: boolean;
    person?: boolean;
    /** Named by a proper name ("Acme", "Jane Roe"), not by a common noun ("the singer"). */
    named?: boolean;
  };
  /**
   * The words from the source to the content ("Sanders hasn't said", "The agency said it is possible"):
   * a negation or a hedge there reaches the content.
   */
  frame?: string;
}

export interface StatusReading {
  status: Status;
  rationale: string;
  responsibilityClaim: boolean;
}

const AUTHORITY: ReadonlySet<SourceKind> = new Set(["official", "police"]);

const WITHHELD =
  /^(?:to\s+)?(?:give|provide|comment|say|discuss|disclose|reveal|release|confirm|name|identify|elaborate|specify|answer|offer|share)\b|^(?:any\s+)?(?:comment|details?|further)\b/i;

// An embedded post: a retweet, hashtags, a shortened link. Its words are a social media claim.
const SOCIAL_POST = /(?:^|\s)RT\s+@\w|#\w+[^#]*#\w+|https?:\/\/t\.co\/|pic\.twitter\.com/;

// A report or claim embedded in the reporter's own sentence: "X is reporting that", "websites reported
// Sunday that", "witnesses have said". The words before the verb say who reports it.
const EMBEDDED_REPORT =
  /\b(?:(?:is|are|was|were)\s+(?:reporting|claiming|alleging|saying|suggesting)|(?:has|have|had)\s+(?:said|reported|claimed|alleged)|(?:reported|claimed|alleged|wrote|posted|tweeted)(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?\s+that)\b/u;
// A report or claim named as a noun with its content: "claims that X", "reports that X", "the contention
// of Y that X", "N's claim to have X". Only when something comes before it: "rumours that X proved
// untrue" is a statement about the rumours.
const REPORT_NOUN =
  /\b(?:reports?|claims?|rumou?rs?|allegations?|contention|assertions?|speculation|suggestions?|theory|accounts?)\b(?:\s+(?:of|by|from)\s+[^,;]{1,60}?)?\s+(?:that|to\s+have)\b/i;
const REPORTS_SURFACED =
  /^\s*(?:\p{Lu}\p{Ll}*\s+)?(?:reports?|claims?|rumou?rs?|allegations?)\s+(?:\w+\s+){0,4}?(?:surfaced|emerged|began|circulated|spread)\b[^.]*?\bthat\b/u;
// The speaker's own plans: "he is planning", "she would be away", "it has no plans".
// The claim's subject is a pronoun for the speaker ("told us it has no plans", "explained that he is").
const SELF_SUBJECT =
  /^\s*(?:(?:us|me|reporters|him|her|them)\s+)?(?:that\s+)?(?:["“”]|'')?\s*(he|she|i|we|it|they)\b/i;

/**
 * Whether the pronoun can be the speaker: "he"/"she" for a named person, "it"/"they" for a named body;
 * a speaker named by a common noun ("the singer", "the network") may be either.
 */
function pronounFits(pronoun: string, source: NonNullable<StatusInput["source"]>): boolean {
  if (/^we$/i.test(pronoun) || source.person === undefined) return true;
  if (!source.named && !source.person) return true;
  return source.person ? /^(?:he|she|i)$/i.test(pronoun) : /^(?:it|they)$/i.test(pronoun);
}

// "(he) has convened", "(it) recalled", "(she) will step down": an act, not a state or a view.
const ACT_PREDICATE =
  /^\s*(?:(?:has|have|had)\s+(?:not\s+|already\s+|now\s+|just\s+)?(?!been\b)\p{Ll}+(?:ed|en|t|un|ught|ade|one)\b|\p{Ll}{2,}(?<!e)ed\b)/u;
// Speakers whose word about themselves is a party's account rather than an authority's.
const NOT_SELF_AUTHORITY: ReadonlySet<SourceKind> = new Set(["witness", "claimant", "social"]);

/**
 * A speaker is the authority on its own plans and acts: "the singer explained that she is planning a
 * tour", "the retailer told us it has no plans to sell the unit", "the president says (he) has convened the
 * council". Not on its own states or views ("he was innocent", "she disagrees").
 */
function selfAct(spine: string, source: NonNullable<StatusInput["source"]>): string | undefined {
  if (NOT_SELF_AUTHORITY.has(source.kind) || STANCE.test(spine)) return undefined;
  const found = SELF_SUBJECT.exec(spine);
  const self = found && pronounFits(found[1] ?? "", source) ? found : null;
  // "It would be better if ...": an empty "it" with a copula is no one's plan.
  if (
    self &&
    /^it$/i.test(self[1] ?? "") &&
    /^\s*(?:is|was|would\s+be|will\s+be|'s|’s)\b/i.test(spine.slice(self[0].length))
  )
    return undefined;
  const predicate = self ? spine.slice(self[0].length) : spine;
  if (self && PLAN.test(spine)) return "their own plans";
  if (ACT_PREDICATE.test(predicate) && (self || /^\s*(?:has|have|had)\b/i.test(spine)))
    return "their own acts";
  return undefined;
}

const reading = (status: Status, rationale: string, responsibilityClaim = false): StatusReading => ({
  status,
  rationale,
  responsibilityClaim,
});

/** The first hedge inside the claim's own clause, if any. */
export function hedgeIn(spine: string): string | undefined {
  for (const re of CLAUSE_HEDGES) {
    const m = re.exec(spine);
    if (m) return m[0].replace(/\s+/g, " ").trim();
  }
  return undefined;
}

/**
 * Why a claim has the status it has: how sure the words are (open question, condition, hedge, the
 * reporting verb's commitment), then who says it (the reporter, an authority on the matter, or someone
 * whose word alone does not make a fact).
 */
export function readStatus({ text, cue, source, frame }: StatusInput): StatusReading {
  // --- Denials (see denial.ts): a denied claim is disputed, never a fact of what was denied. ---
  const denied = readDenial(text, cue, source?.name);
  if (denied) return denied;
  // --- end of denials ---
  // "X refused to give details": the source withheld something, so it is an open question.
  if (cue && /^(refused|declined|would not say|did not say)$/i.test(cue)) {
    if (WITHHELD.test(text))
      return reading("unknown", `not disclosed: ${source?.name ?? "the source"} ${cue}`);
    // "Republicans have refused to vote": an act the reporter narrates, not something said.
    if (/^(refused|declined)$/i.test(cue)) return readStatus({ text });
  }
  const spine = claimSpine(text);
  const frameSpine = frame ? claimSpine(frame) : "";
  const open = openQuestion(`${frameSpine} ${spine}`);
  if (open) return reading("unknown", `open question: '${open}'`);
  if (isQuestion(text)) return reading("unknown", "a question, not a statement");
  if (
    RESPONSIBILITY_CLAIM.test(text) ||
    (cue && /claimed/i.test(cue) && /\b(attack|responsib|carried out|behind)\b/i.test(text))
  )
    return reading("unconfirmed", "a claim of responsibility: reported, not verified", true);
  if (SOCIAL_POST.test(text)) return reading("unconfirmed", "a social media post");
  const frameHedge = frameSpine ? hedgeIn(frameSpine) : undefined;
  if (frameHedge) return reading("unconfirmed", `hedged: '${frameHedge}'`);
  // "Trump tweeted an image ...", "called for a special prosecutor": the act is what the sentence states;
  // doubt inside the object ("an image that may be fake") does not make the act doubtful.
  if (source && cue && frame !== undefined && ACT_CUES.test(cue) && !isProposition(spine))
    return reading("confirmed", `the reporter narrates what ${source.name} did (${cue})`);
  const condition = conditionOf(text);
  if (condition) return reading("unconfirmed", `conditional: '${condition}'`);
  const hedge = hedgeIn(spine);
  if (hedge) return reading("unconfirmed", `hedged: '${hedge}'`);
  if (!source) return readNarration(spine);

  if (cue && LOW_COMMITMENT_CUES.test(cue))
    return reading("unconfirmed", `'${cue}' by ${source.name}: not verified`);
  if (cue && ADMISSION_CUES.test(cue)) return reading("confirmed", `${source.name} ${cue} it on the record`);
  if (source.anonymous) return reading("unconfirmed", "unnamed source");
  if (AUTHORITY.has(source.kind))
    return reading("confirmed", `on the record from ${source.name} (${source.kind})`);
  const ownAct = selfAct(spine, source);
  if (ownAct) return reading("confirmed", `${source.name} on ${ownAct}`);
  const why: Partial<Record<SourceKind, string>> = {
    media: "single outlet",
    agency: "single news agency",
    witness: "eyewitness account",
    union: "a union, not the investigating authority",
    monitor: "relayed by a monitoring group",
    social: "social media post",
    claimant: "a party's own claim",
    politician: "a politician's statement",
    other: "no known role that makes this source an authority on it",
  };
  return reading("unconfirmed", `${why[source.kind] ?? "single source"}: ${source.name}`);
}

/** The reporter's own sentence: a fact, unless it carries someone else's report inside it. */
function readNarration(spine: string): StatusReading {
  const embedded = EMBEDDED_REPORT.exec(spine);
  if (embedded) {
    const who = spine.slice(0, embedded.index);
    if (!AUTHORITY.has(kindFromText(who)))
      return reading("unconfirmed", `a report the article relays: '${embedded[0].trim()}'`);
  }
  const noun = REPORT_NOUN.exec(spine);
  if (
    noun &&
    /\S/.test(
      spine.slice(0, noun.index).replace(/^(?:\s*(?:but|and|yet|so|thankfully|however)\b[\s,]*)+/i, ""),
    )
  )
    return reading("unconfirmed", `a claim the article relays: '${noun[0].trim()}'`);
  if (REPORTS_SURFACED.test(spine)) return reading("unconfirmed", "a report the article relays");
  return reading("confirmed", "the reporter's own narration");
}

// ", which said Acme would ...": the clause reports what its head said.
const ASIDE_REPORT =
  /^(?:who|which)\s+(?:(?:has|have|had)\s+)?(?:said|says|told|tells|reported|reports|claimed|claims|alleged|alleges|wrote|writes|posted|tweeted)\b/i;

/**
 * A relative clause read on its own, when it says something the main clause does not: an open question
 * ("whose identity has not been released"), a hedge ("who was apparently captured") or a report by
 * its head ("a potential advertiser, which said ..."). Undefined when it adds nothing of its own.
 */
export function readAside(text: string, head: string): StatusReading | undefined {
  const spine = claimSpine(text);
  const open = openQuestion(spine);
  if (open) return reading("unknown", `open question: '${open}'`);
  const hedge = hedgeIn(spine);
  if (hedge) return reading("unconfirmed", `hedged: '${hedge}'`);
  if (ASIDE_REPORT.test(text) && !AUTHORITY.has(kindFromText(head)))
    return reading("unconfirmed", `reported by ${head || "a source"}, not verified`);
  return undefined;
}
