import type { SourceKind, Statement } from "../digest/schema.ts";
import { contentTerms } from "../nlp/text.ts";
import { countSlots, countsConflict, speaksOfOnePerpetrator } from "./count-slots.ts";
import { isDenialReading } from "./denial.ts";
import {
  ACCOUNT_WORD,
  conflictMarker,
  DISCREDITED_ACCOUNT,
  findChallenge,
  ownerOf,
  REPORT_FRAME,
} from "./dispute-cues.ts";

/**
 * Conflicting accounts inside one article, found four ways:
 * - an explicit marker ("accounts differ", "conflicting reports", "some said ... while others said");
 * - an account taken on by another: a denial, "the report is misleading", "that simply isn't true",
 *   "no such crime", doubt cast over a report; the account it takes on is found by what it is about;
 * - two accounts giving different values for one slot: how many attackers, dead, hurt, held;
 * - two accounts of how one attack happened, from an authority and from a weaker source, that share
 *   almost nothing but the event.
 * Sharing an event word is not a conflict. Both sides are disputed and linked, except that an authority
 * on the record keeps its reading against a single weaker source, whose version is the one disputed.
 */

const AUTHORITY: ReadonlySet<SourceKind> = new Set(["official", "police"]);
const WEAK: ReadonlySet<SourceKind> = new Set(["media", "agency", "union", "social", "witness"]);

interface Account {
  s: Statement;
  index: number;
  paragraph: number;
  quote: string;
  /** What the statement asserts, without the attribution around it. */
  claim: string;
  sourced: boolean;
  /** 3: authority on record, 2: narration or a named source on record, 1: anything weaker. */
  strength: number;
  /** Topic words, read only when a challenge needs them. */
  readonly topics: Set<string>;
}

type KindOf = (id: string) => SourceKind;

interface Context {
  accounts: Account[];
  nameOf: (id: string) => string;
  /** Topic words common to the whole article. */
  common: Set<string>;
}

const topicTerms = (text: string) =>
  new Set(
    contentTerms(text)
      .filter((t) => !ACCOUNT_WORD.test(t) && !ACCOUNT_WORD.test(`${t}s`))
      .map((t) => t.slice(0, 5)),
  );

function strengthOf(s: Statement, kindOf: KindOf): number {
  if (s.status !== "confirmed") return 1;
  if (s.sources.length === 0) return 2;
  if (s.sources.some((id) => AUTHORITY.has(kindOf(id)))) return 3;
  return s.sources.every((id) => WEAK.has(kindOf(id))) ? 1 : 2;
}

function disputes(a: Account, why: string): void {
  if (a.s.status === "unknown") return;
  if (a.s.status !== "disputed") a.s.rationale = why;
  a.s.status = "disputed";
}

// A reader follows a handful of links, not thousands: past this many, an account names no more
// conflicting accounts (it is still disputed). Also keeps linking linear in a long article.
const MAX_LINKS = 8;
// Counted accounts are compared with this many counted accounts after them, the nearest in the text:
// a real story has a few (the development articles at most six); a generated one with thousands of
// counts would otherwise cost a comparison for every pair.
const COUNT_WINDOW = 32;

function addLink(a: Account, id: string): void {
  const list = a.s.conflictsWith ?? [];
  if (list.length < MAX_LINKS && !list.includes(id)) a.s.conflictsWith = [...list, id];
}

function link(a: Account, b: Account): void {
  addLink(a, b.s.id);
  addLink(b, a.s.id);
}

const where = (a: Account) => `¶${a.paragraph}`;

/**
 * Two accounts in conflict: both sides are disputed and each names the other, except that an authority
 * on the record keeps its reading against a weaker account (an outlet, a post, a witness): that
 * account's version is what is disputed.
 */
function conflict(a: Account, b: Account, what: string): void {
  link(a, b);
  if (!outweighs(a, b)) disputes(a, `${what}: conflicts with ${where(b)}`);
  if (!outweighs(b, a)) disputes(b, `${what}: conflicts with ${where(a)}`);
}

/** An authority on the record against anything less: an outlet, a post, a witness, unsourced text. */
const outweighs = (a: Account, b: Account) => a.strength === 3 && b.strength < 3;

const sameSources = (a: Account, b: Account) =>
  a.s.sources.length === b.s.sources.length && a.s.sources.every((id) => b.s.sources.includes(id));
const shareSource = (a: Account, b: Account) => a.s.sources.some((id) => b.s.sources.includes(id));

// A count that moved ("the toll rose to five", "later revised") updates the earlier one; it does not contradict it.
const UPDATED =
  /\b(?:rose|risen|rising|climbed|increased|grew|jumped|updated|revised|later|since risen|now stands)\b/i;
// Counts tied to another time ("In 2015, six officers were killed") are other events, not other accounts.
const OTHER_TIME =
  /\b(?:in|since|during|last|since)\s+(?:(?:19|20)\d\d|year|month|decade)\b|\b(?:19|20)\d\d\b/i;

/** Topic words of one quote, computed once per digest run (quotes repeat across lookups). */
function memoTopics(): (quote: string) => Set<string> {
  const memo = new Map<string, Set<string>>();
  return (quote) => {
    const known = memo.get(quote);
    if (known) return known;
    const t = topicTerms(quote);
    memo.set(quote, t);
    return t;
  };
}

export function markDisputes(
  statements: Statement[],
  kindOf: KindOf,
  nameOf: (id: string) => string = () => "",
): void {
  const topicsOf = memoTopics();
  const accounts: Account[] = statements.map((s, index) => {
    const quote = s.evidence[0]?.quote ?? s.claim;
    return {
      s,
      index,
      paragraph: s.evidence[0]?.paragraph ?? 0,
      quote,
      claim: s.sources.length ? s.claim : quote,
      sourced: s.sources.length > 0,
      strength: strengthOf(s, kindOf),
      get topics() {
        return topicsOf(quote);
      },
    };
  });
  markExplicitConflicts(accounts);
  let common: Set<string> | undefined;
  markChallenges({
    accounts,
    nameOf,
    get common() {
      common ??= commonTerms(accounts);
      return common;
    },
  });
  markCountConflicts(accounts);
  markEventAccounts(accounts, kindOf);
}

/** "Accounts differ", "conflicting reports", "some said ... while others said". */
function markExplicitConflicts(accounts: Account[]): void {
  for (const a of accounts) {
    const marker = conflictMarker(a.quote);
    if (!marker) continue;
    disputes(a, `conflicting accounts: '${marker.trim()}'`);
    // A marker on its own ("Accounts differ.") covers the accounts that follow it in the paragraph.
    if (!a.sourced)
      for (const b of accounts)
        if (b.paragraph === a.paragraph && b.index > a.index && b.sourced) {
          disputes(b, `conflicting accounts: '${marker.trim()}'`);
          link(a, b);
        }
  }
}

/** Denials and rebuttals, and the accounts they take on. */
function markChallenges(ctx: Context): void {
  const challenges = ctx.accounts.map((a) => {
    const denied = isDenialReading(a.s.rationale) && a.s.status === "disputed";
    return {
      a,
      denied,
      challenge: denied ? { cue: "denied", target: deniedTarget(a.s.claim) } : findChallenge(a.claim),
    };
  });
  // Accounts that take issue with something are on the challenging side, not what is challenged.
  const challengers = new Set(challenges.filter((c) => c.challenge).map((c) => c.a));
  for (const { a, denied, challenge } of challenges) {
    const discredited = a.sourced ? DISCREDITED_ACCOUNT.exec(a.quote.replace(a.s.claim, " ")) : null;
    if (discredited) disputes(a, `the account is called '${discredited[0]}'`);
    if (!challenge) continue;
    // The reporter finding an account untrue states a fact; a source doing so gives one side.
    if (a.sourced && !denied) disputes(a, `takes issue with another account: '${challenge.cue.trim()}'`);
    for (const b of targetsOf(a, challenge.target, denied, ctx).filter((b) => !challengers.has(b))) {
      link(a, b);
      if (!outweighs(b, a)) disputes(b, `${denied ? "denied" : "challenged"} in ${where(a)}`);
    }
  }
}

/** What a denial names: its object ("reports of a gas leak"), or "" when it only points back ("denied it"). */
function deniedTarget(claim: string): string {
  const object =
    /\b(?:denied|denies|deny|refuted|refutes|rejected|rejects|dismissed|dismisses)\s+(.*)$/i.exec(
      claim,
    )?.[1] ?? claim;
  return /^(?:it|this|that|them|these|those|the (?:report|claim|allegation|accusation|story|account)s?)\b[\s.,;!]*$/i.test(
    object,
  )
    ? ""
    : object;
}

/**
 * The accounts a challenge is aimed at: those of the owner it names ("North Korea's claim", "the AP
 * report") before it; else those nearby about what it names ("the reports of her capture"), counting
 * words the whole article uses as half; else, when it only points back ("that isn't true", "no such
 * crime"), the nearest account before it.
 */
function targetsOf(a: Account, target: string, both: boolean, ctx: Context): Account[] {
  const candidates = ctx.accounts.filter(
    (b) =>
      b !== a &&
      b.s.status !== "unknown" &&
      (both || b.index < a.index) &&
      !(a.sourced && b.sourced && shareSource(a, b)) &&
      (b.sourced || REPORT_FRAME.test(b.quote) || b.s.status === "unconfirmed"),
  );
  const owner = ownerOf(target);
  if (owner) {
    // "North Korea claims", "the AP reported", "North Korea's claim": not "the AP report merits".
    const told = new RegExp(
      `\\b${escapeRegExp(owner)}(?:\\s+(?:\\S+\\s+)?(?:${ACCOUNT_VERB})|['’]s?\\s+(?:\\S+\\s+)?(?:${ACCOUNT_NOUNS}))\\b`,
      "iu",
    );
    return candidates.filter(
      (b) => b.s.sources.some((id) => namesOwner(ctx.nameOf(id), owner)) || told.test(b.quote),
    );
  }
  const near = candidates.filter((b) => Math.abs(b.paragraph - a.paragraph) <= 3);
  const terms = topicTerms(target);
  if (terms.size === 0) {
    const before = near.filter((b) => b.index < a.index && a.paragraph - b.paragraph <= 1);
    const nearest = before.at(-1);
    return nearest ? [nearest] : [];
  }
  const namesAccount = target.split(/\s+/).some((w) => ACCOUNT_WORD.test(w.replace(/[^\p{L}]/gu, "")));
  return near.filter((b) => {
    let shared = 0;
    for (const t of terms) if (b.topics.has(t)) shared += ctx.common.has(t) ? 0.5 : 1;
    const isAccount = namesAccount && (b.sourced || REPORT_FRAME.test(b.quote));
    return shared * 2 + (isAccount ? 1 : 0) >= 3;
  });
}

const ACCOUNT_VERB = "claims|claimed|reports|reported|said|says|announced|alleged|alleges|told";
const ACCOUNT_NOUNS = "claims?|reports?|allegations?|account|version|statement";
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const namesOwner = (name: string, owner: string) => {
  const n = name.toLowerCase().split(/\s+/);
  return owner
    .toLowerCase()
    .split(/\s+/)
    .every((w) => n.includes(w));
};

/** Topic words in more than a quarter of the statements: what the whole story is about, not one account. */
function commonTerms(accounts: Account[]): Set<string> {
  const df = new Map<string, number>();
  for (const a of accounts) for (const t of a.topics) df.set(t, (df.get(t) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n > Math.max(2, accounts.length / 4)).map(([t]) => t));
}

/**
 * Different counts for one slot from different sources: five dead against three, both disputed. An
 * account that only speaks of "the attacker" counts one by implication: against "two attackers" it is
 * linked, and only the explicit count is disputed ("one is dead" may be one of the two).
 */
function markCountConflicts(accounts: Account[]): void {
  const counted = accounts
    .filter((a) => !OTHER_TIME.test(a.quote) && !UPDATED.test(a.quote))
    .map((a) => ({ a, slots: countSlots(a.quote), one: speaksOfOnePerpetrator(a.quote) }))
    .filter((x) => x.slots.length > 0 || x.one);
  type Counted = (typeof counted)[number];
  const manyAgainstOne = (x: Counted, y: Counted) =>
    !y.slots.length && y.one && x.slots.some((p) => p.slot === "perpetrator" && p.count > 1);
  for (const [i, x] of counted.entries())
    for (const y of counted.slice(i + 1, i + 1 + COUNT_WINDOW)) {
      if (y.a.index <= x.a.index || sameSources(x.a, y.a)) continue;
      const clash = x.slots.find((p) => y.slots.some((q) => countsConflict(p, q)));
      if (clash)
        conflict(x.a, y.a, `another count of the ${clash.slot === "perpetrator" ? "attackers" : clash.slot}`);
      for (const [many, one] of [
        [x, y],
        [y, x],
      ] as const)
        if (manyAgainstOne(many, one)) {
          link(many.a, one.a);
          disputes(many.a, `another count of the attackers: the account in ${where(one.a)} speaks of one`);
        }
    }
}

// Families of event words: two accounts of how one attack happened use words from the same family.
const EVENT_FAMILIES: RegExp[] = [
  /\b(shot|shoot|shooting|opened fire|open fire|fired|gunfire)\b/i,
  /\b(stabbed|stabbing|knifed)\b/i,
  /\b(exploded|detonated|blew up|set off)\b/i,
  /\b(rammed|ploughed|plowed|drove into|mowed)\b/i,
];
// Who did it, as an account of the attack names them, and what the account says they did besides the
// attack itself ("an attacker driving past", "a man got out of a car"): the sequence is the slot, with
// the place the attack came from.
const PERPETRATOR_ACTION =
  /\b(?:an?|the)\s+(?:[a-z-]+\s+)?(?:attacker|assailant|gunm[ae]n|shooter|man|woman|suspect|driver|bomber)\s+((?:[a-z]+\s+){0,3}[a-z]+)/i;
const ACTION_VERB =
  /^(?:[a-z]{3,}(?:ing|ed)|got|came|ran|drove|fled|left|went|walked|stepped|jumped|rode|sat|stood)$/;

// Where the attack came from: "shot from a passing motorbike", "opened fire from a doorway".
const FROM_PLACE = /\bfrom\s+(?:an?|the|his|her|their)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)/i;

/** What an account says of how the attack was done besides the attack itself, as short stems. */
function mannerOf(text: string): Set<string> {
  const actions = PERPETRATOR_ACTION.exec(text)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  const event = EVENT_FAMILIES.map((f) => f.exec(text)?.index ?? -1).filter((i) => i >= 0);
  const from = event.length ? FROM_PLACE.exec(text.slice(Math.min(...event))) : null;
  const place = from?.[1]?.toLowerCase().split(/\s+/) ?? [];
  return new Set(
    [...actions.filter((w) => ACTION_VERB.test(w)), ...place]
      .filter((w) => !EVENT_FAMILIES.some((f) => f.test(w)))
      .map((w) => w.slice(0, 4)),
  );
}

/**
 * A weaker source's account of how an attack happened against the authority's: both tell the same kind
 * of attack, and each says how it was done besides the attack itself (what the perpetrator did, where
 * the attack came from), and those differ ("shot by an attacker driving past" against "a man got out
 * of a car and opened fire"; "shot from a passing motorbike" against "fired from a doorway"). Two
 * accounts that only share the event ("a man opened fire" / "shoppers heard the shooting") are not a
 * conflict.
 */
function markEventAccounts(accounts: Account[], kindOf: KindOf): void {
  const official = accounts
    .filter((a) => a.strength === 3)
    .map((a) => ({ a, manner: mannerOf(a.claim) }))
    .filter((x) => x.manner.size > 0);
  for (const a of accounts) {
    if (!a.sourced || a.s.status === "unknown" || a.s.status === "disputed") continue;
    if (!a.s.sources.every((id) => WEAK.has(kindOf(id)))) continue;
    const manner = mannerOf(a.claim);
    const families = EVENT_FAMILIES.filter((f) => f.test(a.claim));
    if (manner.size === 0 || families.length === 0) continue;
    for (const b of official) {
      if (!families.some((f) => f.test(b.a.claim))) continue;
      if ([...manner].some((w) => b.manner.has(w))) continue;
      conflict(a, b.a, "another account of how it happened");
    }
  }
}
