import type { SourceKind, Statement } from "../digest/schema.ts";
import { contentTerms, stem } from "./text.ts";

/**
 * Conflicting accounts: a claim from a non-authoritative source that gives another version of an event
 * the authorities have described, or another count of the people involved. The weaker account becomes
 * disputed; both sides are linked.
 */

// Who can give a weaker, competing account: not a named person of unknown standing, not a politician.
const WEAK_KINDS: ReadonlySet<SourceKind> = new Set(["media", "agency", "union", "social", "witness"]);

// People a count can be about: "two attackers" against "the attacker" is a conflict; "two years" is not.
const PERSON_NOUN =
  /^(attacker|assailant|gunm[ae]n|shooter|suspect|perpetrator|bomber|hijacker|terrorist|militant|robber|killer|driver|victim|hostage|casualt(?:y|ie)|fatalit(?:y|ie)|m[ae]n|wom[ae]n|person|people|officer|soldier|passenger|intruder|stabber|accomplice)$/;
const AUTHORITY_KINDS: ReadonlySet<SourceKind> = new Set(["official", "police"]);

// Families of event words: two accounts of one event use words from the same family.
const EVENT_FAMILIES: RegExp[] = [
  /\b(shot|shoot|shooting|shooter|opened fire|open fire|fired|gunfire|gunman|gunmen)\b/i,
  /\b(stabbed|stabbing|knife)\b/i,
  /\b(explosion|exploded|bomb|blast|detonated)\b/i,
  /\b(drove|driving|driven|rammed|ploughed|plowed|car|vehicle|truck|van)\b/i,
];

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  several: 3,
  multiple: 2,
};

/** "at least two attackers" -> attacker with a count of 2 or more. */
function pluralCount(text: string): { noun: string; count: number } | undefined {
  const m =
    /\b(?:at least|more than|as many as|up to)?\s*(two|three|four|five|six|several|multiple|\d+)\s+([a-z]+?)s\b/i.exec(
      text,
    );
  if (!m?.[1] || !m[2]) return undefined;
  const count = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  if (count < 2 || !PERSON_NOUN.test(m[2].toLowerCase())) return undefined;
  return { noun: stem(m[2]), count };
}

// One pattern per noun, built once: a long article compares many claims against many statements.
const ONE_OF = new Map<string, RegExp>();

function speaksOfOne(text: string, noun: string): boolean {
  let re = ONE_OF.get(noun);
  if (!re) {
    re = new RegExp(`\\b(?:the|a|an|one|lone|single|sole)\\s+(?:[a-z-]+\\s+)?${noun}(?:['’]s)?\\b(?!s)`, "i");
    ONE_OF.set(noun, re);
  }
  return re.test(text);
}

// A claim links at most this many conflicting statements (and a statement at most this many claims): a
// real article has one or two; a pasted wall of near-identical accounts would otherwise list every pair.
const MAX_LINKED = 10;

export function markDisputes(statements: Statement[], kindOf: (id: string) => SourceKind): void {
  // Open questions count too: "the attacker's identity is unknown" still speaks of one attacker.
  const authoritative = statements.filter(
    (s) =>
      (s.status === "confirmed" || s.status === "unknown") &&
      (s.sources.length === 0 || s.sources.some((id) => AUTHORITY_KINDS.has(kindOf(id)))),
  );
  const official = authoritative
    .filter((s) => s.status === "confirmed")
    .filter((s) => s.sources.some((id) => AUTHORITY_KINDS.has(kindOf(id))));
  // Each official statement's event families and terms, computed once.
  const read = new Map(
    official.map((s) => [
      s,
      { families: EVENT_FAMILIES.map((f) => f.test(s.claim)), terms: contentTerms(s.claim) },
    ]),
  );
  const linked = new Map<Statement, Set<string>>();
  // Which statements speak of one attacker, driver, ...: asked once per noun and statement.
  const single = new Map<string, Map<Statement, boolean>>();
  const one = (s: Statement, noun: string): boolean => {
    const known = single.get(noun) ?? new Map<Statement, boolean>();
    single.set(noun, known);
    let answer = known.get(s);
    if (answer === undefined) {
      answer = speaksOfOne(s.claim, noun);
      known.set(s, answer);
    }
    return answer;
  };
  for (const claim of statements) {
    if (claim.status === "unknown" || claim.sources.length === 0) continue;
    if (!claim.sources.every((id) => WEAK_KINDS.has(kindOf(id)))) continue;
    if (/claim of responsibility/.test(claim.rationale)) continue;
    const text = claim.claim;
    const conflicts: Statement[] = [];
    const counted = pluralCount(text);
    if (counted)
      for (const s of authoritative)
        if (conflicts.length < MAX_LINKED && s !== claim && one(s, counted.noun)) conflicts.push(s);
    if (conflicts.length === 0) {
      const families = EVENT_FAMILIES.map((f) => f.test(text));
      if (families.some(Boolean)) {
        const terms = new Set(contentTerms(text));
        for (const s of official) {
          if (conflicts.length >= MAX_LINKED) break;
          const other = read.get(s);
          if (s === claim || !other?.families.some((f, i) => f && families[i])) continue;
          const shared = other.terms.filter((t) => terms.has(t)).length;
          // Same event, told with mostly different details.
          if (shared / Math.max(1, terms.size) < 0.4) conflicts.push(s);
        }
      }
    }
    if (conflicts.length === 0) continue;
    const first = conflicts[0];
    claim.status = "disputed";
    claim.rationale = `conflicts with ¶${first?.evidence[0]?.paragraph ?? "?"}${counted ? ` (count of ${counted.noun}s)` : ""}`;
    claim.conflictsWith = conflicts.map((c) => c.id);
    for (const c of conflicts) {
      let ids = linked.get(c);
      if (!ids) {
        ids = new Set(c.conflictsWith ?? []);
        linked.set(c, ids);
      }
      if (ids.size < MAX_LINKED) ids.add(claim.id);
    }
  }
  for (const [c, ids] of linked) c.conflictsWith = [...ids];
}
