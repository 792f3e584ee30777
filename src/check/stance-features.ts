/**
 * The feature vector the learned stance model reads for one claim/article pair. Features are general
 * measurements (overlap, cue counts near the matching sentences, polarity conflicts, the rule
 * verdict), never words of particular articles, so the model carries over to articles it has not seen.
 */
import { stem } from "../nlp/text.ts";
import { memoizeWeak } from "../util/weak-memo.ts";
import type { ArticleIndex, IndexedSentence } from "./article-index.ts";
import { type ClaimFeatures, PARAMS, type StanceCues } from "./claim-features.ts";
import { OVERLAP_FEATURE_NAMES, overlapFeatures } from "./overlap-features.ts";
import {
  oppositeMatches,
  type Polarity,
  type PolarityConflict,
  polarityConflicts,
  polarityOf,
} from "./polarity.ts";
import { TERM_OVERLAP_NAMES } from "./related-features.ts";
import type { RuleVerdict } from "./rule-verdict.ts";
import { VOICE_FEATURE_NAMES, voiceFeatures } from "./voice-features.ts";

// Sentence polarity is claim-independent: computed once per indexed sentence.
export const polarityOfSentence = memoizeWeak((s: IndexedSentence): Polarity => polarityOf(s.text));

/** Polarity conflicts between the claim and each of its best-matching sentences (best first). */
export function conflictsNear(f: ClaimFeatures, near: readonly IndexedSentence[]): PolarityConflict[][] {
  return near.map((s) => polarityConflicts(f.claimPolarity, polarityOfSentence(s), f.terms));
}

const log1 = (n: number): number => Math.log1p(n);
const flag = (b: boolean): number => (b ? 1 : 0);

const BASE_FEATURE_NAMES = [
  "bias_related",
  ...TERM_OVERLAP_NAMES,
  "opposite_matches",
  "claim_negated",
  "claim_debunk",
  "claim_affirms_real",
  "claim_hedged",
  "claim_question",
  "near_refute",
  "near_weak_refute",
  "near_denial",
  "near_hedge",
  "near_weak_hedge",
  "near_negation",
  "near_question",
  "near_quoted",
  "best_refute",
  "best_denial",
  "best_hedge",
  "best_negation",
  "lead_refute",
  "lead_denial",
  "lead_hedge",
  "article_hedge_density",
  "article_refute_density",
  "article_denial_density",
  "contra",
  "hedge_score",
  "best_opposite",
  "best_negation_conflict",
  "near_opposite",
  "near_negation_conflict",
  "negated_x_contra",
  "negated_x_refute",
  "debunk_x_refute",
  "hedged_x_hedge",
  "negated_x_near_denial",
  "negated_x_lead_refute",
  "negated_x_refute_density",
  "negated_x_hedge_score",
  "negated_x_near_negation",
  "negated_x_best_opposite",
  "hedged_x_refute",
  "question_x_refute",
  "rule_confirmed",
  "rule_unconfirmed",
  "rule_disputed",
  "rule_contradicted",
  "rule_not_covered",
] as const;

export const FEATURE_NAMES = [
  ...BASE_FEATURE_NAMES,
  ...OVERLAP_FEATURE_NAMES,
  ...VOICE_FEATURE_NAMES,
] as const;
type FeatureName = (typeof BASE_FEATURE_NAMES)[number];

/** Debunk and denial cues per sentence over the whole article: claim-independent, computed once. */
interface ArticleDensities {
  refute: number;
  denial: number;
}
const densitiesOf = memoizeWeak((index: ArticleIndex): ArticleDensities => {
  const n = Math.max(1, index.sentences.length);
  return {
    refute: cueCount(index.sentences, (s) => s.refute.length + 0.5 * s.weakRefute.length) / n,
    denial: cueCount(index.sentences, (s) => s.denial.length) / n,
  };
});

function cueCount(sentences: readonly IndexedSentence[], pick: (s: IndexedSentence) => number): number {
  let n = 0;
  for (const s of sentences) n += pick(s);
  return n;
}

/** Cue words anywhere in the article (claim-independent, memoised): presence per cue word. */
const bodyCues = memoizeWeak((index: ArticleIndex): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const s of index.sentences)
    addCues(counts, "body:", [...s.refute, ...s.weakRefute, ...s.denial, ...s.hedge]);
  return new Map([...counts].map(([k, v]) => [k, Math.log1p(v)]));
});

/** A cue as a feature key: lower case, each word stemmed ("hoaxes" and "hoax" meet). */
function cueKey(cue: string): string {
  let key = cueKeys.get(cue);
  if (key === undefined) {
    key = cue
      .replace(/’/g, "'")
      .split(" ")
      .map((w) => stem(w))
      .join("_");
    // Cues come from fixed lexicons, so this memo stays small; the bound is only a safeguard.
    if (cueKeys.size < 10_000) cueKeys.set(cue, key);
  }
  return key;
}
const cueKeys = new Map<string, string>();

function addCues(out: Map<string, number>, prefix: string, cues: readonly string[], weight = 1): void {
  for (const c of cues) {
    const key = `${prefix}${cueKey(c)}`;
    out.set(key, (out.get(key) ?? 0) + weight);
  }
}

/**
 * Which cue words (of the general lexicons) stand where: in the claim, in the sentences that match
 * it and anywhere in the article (the trees read the last only together with the others; a linear
 * model lost with them in cross-validation). Sparse: the model knows the keys it was trained with.
 */
export function cueFeatures(f: ClaimFeatures, cues: StanceCues, index?: ArticleIndex): Map<string, number> {
  const out = new Map<string, number>();
  if (index) for (const [k, v] of bodyCues(index)) out.set(k, v);
  const near = new Map<string, number>();
  for (const s of cues.near)
    addCues(near, "near:", [...s.refute, ...s.weakRefute, ...s.denial, ...s.hedge, ...s.weakHedge]);
  for (const [k, v] of near) out.set(k, Math.log1p(v));
  const claim = new Map<string, number>();
  addCues(claim, "claim:", [...f.claimNegated, ...f.claimHedged, ...f.claimAffirmsReal]);
  for (const k of claim.keys()) out.set(k, 1);
  return out;
}

export function stanceFeatures(
  index: ArticleIndex,
  f: ClaimFeatures,
  cues: StanceCues,
  rule: RuleVerdict,
  conflicts: readonly PolarityConflict[][] = conflictsNear(f, cues.near.slice(0, 3)),
): number[] {
  const near = cues.near;
  const best = near[0];
  const lead = index.sentences.slice(0, PARAMS.leadSentences);
  const density = densitiesOf(index);
  const n = Math.max(1, f.terms.length);
  const refuteOf = (s: IndexedSentence): number => s.refute.length + 0.5 * s.weakRefute.length;
  const claimNegated = f.claimNegated.length > 0 && f.claimAffirmsReal.length === 0;
  const nearRefute = cueCount(near, (s) => s.refute.length);
  const v: Record<FeatureName, number> = {
    bias_related: flag(f.coverage + f.best >= PARAMS.relatedMin),
    coverage: f.coverage,
    mass: f.mass,
    best: f.best,
    second: f.matches[1]?.overlap ?? 0,
    coverage_x_best: f.coverage * f.best,
    related_rule: f.coverage + f.best,
    terms_log: log1(f.terms.length),
    numbers_matched: flag(f.numbersMatched > 0),
    numbers_missing: flag(f.numbersMissing > 0),
    opposite_matches: best ? oppositeMatches(f.terms, best.terms) / n : 0,
    claim_negated: flag(claimNegated),
    claim_debunk: flag(f.claimDebunk.length > 0),
    claim_affirms_real: flag(f.claimAffirmsReal.length > 0),
    claim_hedged: flag(f.claimHedged.length > 0),
    claim_question: flag(f.claimQuestion),
    near_refute: log1(nearRefute),
    near_weak_refute: log1(cueCount(near, (s) => s.weakRefute.length)),
    near_denial: log1(cueCount(near, (s) => s.denial.length)),
    near_hedge: log1(cueCount(near, (s) => s.hedge.length)),
    near_weak_hedge: log1(cueCount(near, (s) => s.weakHedge.length)),
    near_negation: log1(cueCount(near, (s) => s.negation.length)),
    near_question: log1(cueCount(near, (s) => flag(s.question))),
    near_quoted: near.length ? cueCount(near, (s) => flag(s.quoted)) / near.length : 0,
    best_refute: best ? log1(refuteOf(best)) : 0,
    best_denial: best ? log1(best.denial.length) : 0,
    best_hedge: best ? log1(best.hedge.length + 0.5 * best.weakHedge.length) : 0,
    best_negation: best ? flag(best.negation.length > 0) : 0,
    lead_refute: log1(cueCount(lead, refuteOf)),
    lead_denial: log1(cueCount(lead, (s) => s.denial.length)),
    lead_hedge: log1(cueCount(lead, (s) => s.hedge.length)),
    article_hedge_density: index.hedgeDensity,
    article_refute_density: density.refute,
    article_denial_density: density.denial,
    contra: log1(cues.contra),
    hedge_score: cues.hedgeScore,
    best_opposite: flag((conflicts[0] ?? []).some((c) => c.kind === "opposite")),
    best_negation_conflict: flag((conflicts[0] ?? []).some((c) => c.kind === "negation")),
    near_opposite: log1(conflicts.flat().filter((c) => c.kind === "opposite").length),
    near_negation_conflict: log1(conflicts.flat().filter((c) => c.kind === "negation").length),
    negated_x_contra: flag(claimNegated) * log1(cues.contra),
    negated_x_refute: flag(claimNegated) * log1(nearRefute),
    debunk_x_refute: flag(f.claimDebunk.length > 0) * log1(nearRefute),
    hedged_x_hedge: flag(f.claimHedged.length > 0) * cues.hedgeScore,
    negated_x_near_denial: flag(claimNegated) * log1(cueCount(near, (s) => s.denial.length)),
    negated_x_lead_refute: flag(claimNegated) * log1(cueCount(lead, refuteOf)),
    negated_x_refute_density: flag(claimNegated) * density.refute,
    negated_x_hedge_score: flag(claimNegated) * cues.hedgeScore,
    negated_x_near_negation: flag(claimNegated) * log1(cueCount(near, (s) => s.negation.length)),
    negated_x_best_opposite:
      flag(claimNegated) * flag((conflicts[0] ?? []).some((c) => c.kind === "opposite")),
    hedged_x_refute: flag(f.claimHedged.length > 0) * log1(nearRefute),
    question_x_refute: flag(f.claimQuestion) * log1(nearRefute),
    rule_confirmed: flag(rule.verdict === "confirmed"),
    rule_unconfirmed: flag(rule.verdict === "unconfirmed"),
    rule_disputed: flag(rule.verdict === "disputed"),
    rule_contradicted: flag(rule.verdict === "contradicted"),
    rule_not_covered: flag(rule.verdict === "not_covered"),
  };
  return [
    ...BASE_FEATURE_NAMES.map((name) => v[name]),
    ...overlapFeatures(index, f),
    ...voiceFeatures(index, f, near),
  ];
}
