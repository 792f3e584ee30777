/**
 * Polarity: whether a sentence says the opposite of a claim. Two general mechanisms, not words of any
 * article: a table of opposite predicates in news vocabulary (open/closed, alive/dead, arrested/released,
 * confirmed/denied, rose/fell, ...) and the scope of a negation within its clause ("was not closed").
 * "Closed" against "open" is a conflict; "not closed" against "open" agrees.
 */
import { stem } from "../nlp/text.ts";

/**
 * Pairs of opposite meanings, each side listing its inflections (the crude stemmer does not unify
 * them all). A general table of news predicates and states.
 */
const OPPOSITES: readonly (readonly [string, string])[] = [
  [
    "open opens opened opening reopen reopens reopened reopening",
    "close closes closed closing shut shuts shutting",
  ],
  [
    "alive survive survives survived surviving survivor survivors",
    "dead die dies died dying death deaths killed",
  ],
  [
    "arrest arrests arrested detain detains detained jailed imprisoned captured",
    "release releases released freed escaped",
  ],
  ["confirm confirms confirmed confirming admit admits admitted", "deny denies denied denying"],
  [
    "rise rises rose risen rising increase increases increased increasing climb climbs climbed soar soared surge surged",
    "fall falls fell fallen falling decrease decreases decreased decreasing decline declines declined drop drops dropped plunge plunged",
  ],
  ["win wins won winning victory victorious", "lose loses lost losing defeat defeated"],
  ["guilty convict convicts convicted conviction", "innocent acquit acquits acquitted acquittal exonerated"],
  [
    "approve approves approved approving approval accept accepts accepted",
    "reject rejects rejected rejecting rejection refuse refuses refused veto vetoed",
  ],
  ["pass passes passed", "fail fails failed failing"],
  ["found located recovered", "missing lost vanished disappeared"],
  ["true", "false"],
  ["real genuine authentic", "fake hoax fabricated forged counterfeit"],
  [
    "legal lawful legalize legalized legalise legalised allowed permitted",
    "illegal unlawful banned ban bans outlawed forbidden prohibited",
  ],
  ["lift lifts lifted", "impose imposes imposed"],
  [
    "start starts started begin begins began begun launch launched",
    "end ends ended stop stops stopped halt halted cancel cancels cancelled canceled",
  ],
  ["support supports supported backs backed", "oppose opposes opposed"],
  ["hire hires hired appoint appoints appointed", "sack sacks sacked dismiss dismisses dismissed"],
  ["married marry marries", "divorced divorce divorces"],
  ["safe safely unharmed unhurt", "injured hurt wounded harmed"],
  ["success successful succeeded succeeds", "failure unsuccessful"],
  ["higher larger bigger", "lower smaller"],
  ["agree agrees agreed", "disagree disagrees disagreed"],
  ["include includes included", "exclude excludes excluded"],
  ["existing exists exist existed", "nonexistent"],
];

/** Stem -> stems of its opposites. */
const OPPOSITE_OF: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  const add = (from: string[], to: string[]): void => {
    for (const a of from) {
      const set = out.get(a) ?? new Set<string>();
      for (const b of to) if (b !== a) set.add(b);
      out.set(a, set);
    }
  };
  for (const [left, right] of OPPOSITES) {
    const l = [...new Set(left.split(" ").map(stem))];
    const r = [...new Set(right.split(" ").map(stem))];
    add(l, r);
    add(r, l);
  }
  return out;
})();

export function oppositesOf(term: string): ReadonlySet<string> | undefined {
  return OPPOSITE_OF.get(term);
}

/** Words that negate what follows them in their clause. */
const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "nobody",
  "none",
  "nothing",
  "neither",
  "nor",
  "cannot",
  "without",
]);
/** Clause boundaries end a negation's scope. */
const BOUNDARY = new Set([
  ",",
  ";",
  ":",
  ".",
  "!",
  "?",
  "(",
  ")",
  "—",
  "–",
  '"',
  "“",
  "”",
  "but",
  "although",
  "though",
  "while",
  "whereas",
  "because",
  "however",
  "yet",
]);
/** How far a negation reaches: a predicate follows its negator closely. */
const SCOPE = 6;

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:.!?()—–"“”]/gu;

export interface Polarity {
  /** Stems occurring outside any negation's scope. */
  plain: ReadonlySet<string>;
  /** Stems occurring inside a negation's scope. */
  negated: ReadonlySet<string>;
  /** The first word written for each stem, to name it in a rationale. */
  surface: ReadonlyMap<string, string>;
}

/** Which stems of a text stand inside a negation's scope and which do not. Linear in the text. */
export function polarityOf(text: string): Polarity {
  const plain = new Set<string>();
  const negated = new Set<string>();
  const surface = new Map<string, string>();
  let reach = 0;
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    const raw = m[0];
    if (BOUNDARY.has(raw)) {
      reach = 0;
      continue;
    }
    const w = raw.replace(/['’]s$/, "");
    if (NEGATORS.has(w) || /n['’]t$/.test(w)) {
      reach = SCOPE;
      continue;
    }
    const s = stem(w);
    if (!surface.has(s)) surface.set(s, w);
    if (reach > 0) {
      negated.add(s);
      reach--;
    } else plain.add(s);
  }
  return { plain, negated, surface };
}

const word = (p: Polarity, stemmed: string): string => p.surface.get(stemmed) ?? stemmed;

export interface PolarityConflict {
  /** The words as written in the claim and in the sentence. */
  claimTerm: string;
  sentenceTerm: string;
  kind: "opposite" | "negation";
}

/**
 * Where a sentence reads the other way from a claim on the claim's own terms: an opposite predicate
 * with the same polarity ("closed" against "open"), or a shared term negated on one side only.
 * `terms` are the claim's content stems; a term the sentence also states plainly is not a conflict.
 */
export function polarityConflicts(
  claim: Polarity,
  sentence: Polarity,
  terms: readonly string[],
): PolarityConflict[] {
  const out: PolarityConflict[] = [];
  for (const t of terms) {
    const claimNegated = claim.negated.has(t) && !claim.plain.has(t);
    const inPlain = sentence.plain.has(t);
    const inNegated = sentence.negated.has(t);
    if (inPlain || inNegated) {
      const sentenceNegated = inNegated && !inPlain;
      if (sentenceNegated !== claimNegated)
        out.push({ claimTerm: word(claim, t), sentenceTerm: word(sentence, t), kind: "negation" });
      continue;
    }
    for (const o of oppositesOf(t) ?? []) {
      // The opposite stated with the claim's polarity says the other thing; negated, it agrees.
      const same = claimNegated ? sentence.negated.has(o) : sentence.plain.has(o);
      if (same) {
        out.push({ claimTerm: word(claim, t), sentenceTerm: word(sentence, o), kind: "opposite" });
        break;
      }
    }
  }
  return out;
}

/**
 * A claim term the claim negates whose opposite the sentence states plainly ("not open" against
 * "closed"): the two say the same thing.
 */
export function negatedOppositeAgreement(
  claim: Polarity,
  sentence: Polarity,
  terms: readonly string[],
): PolarityConflict | undefined {
  for (const t of terms) {
    if (!claim.negated.has(t) || claim.plain.has(t) || sentence.plain.has(t)) continue;
    for (const o of oppositesOf(t) ?? []) {
      if (sentence.plain.has(o))
        return { claimTerm: word(claim, t), sentenceTerm: word(sentence, o), kind: "opposite" };
    }
  }
  return undefined;
}

/** Claim terms the sentence answers through an opposite (it is about them, if the other way round). */
export function oppositeMatches(terms: readonly string[], sentenceTerms: ReadonlySet<string>): number {
  let n = 0;
  for (const t of terms) {
    if (sentenceTerms.has(t)) continue;
    for (const o of oppositesOf(t) ?? []) {
      if (sentenceTerms.has(o)) {
        n++;
        break;
      }
    }
  }
  return n;
}
