/**
 * Offline claim checker: does an article support a one-line claim (a headline)? Relatedness and
 * stance come from learned tree ensembles (stance-model.ts) over general features: term and bigram overlap,
 * debunk/denial and hedge cues near the sentences that match the claim, polarity (opposite
 * predicates, negation scope) and the hand-written rules' verdict. When the article's digest is at
 * hand, the checker agrees with the digest's own reading of the sentence that supports the claim.
 */
import type { ClaimCheck, Statement, Verdict } from "../digest/schema.ts";
import { type ArticleIndex, type IndexedSentence, indexArticle } from "./article-index.ts";
import { type ClaimFeatures, claimFeatures, PARAMS, type StanceCues, stanceCues } from "./claim-features.ts";
import { negatedOppositeAgreement, oppositeMatches, type PolarityConflict } from "./polarity.ts";
import { relatedFeatures } from "./related-features.ts";
import { claimDenies, type RuleVerdict, ruleVerdict } from "./rule-verdict.ts";
import { conflictsNear, cueFeatures, polarityOfSentence, stanceFeatures } from "./stance-features.ts";
import { STANCES, type Stance, type StanceModel, shippedStanceModel } from "./stance-model.ts";

export { type ClaimFeatures, claimFeatures, PARAMS, type StanceCues, stanceCues } from "./claim-features.ts";

export interface CheckOptions {
  /** Paragraphs to ignore: the junk the article's digest dropped. */
  junkParagraphs?: readonly number[];
  /** The article's digest statements: their status is the digest's reading of each sentence. */
  statements?: readonly Statement[];
  /** A stance model other than the shipped one (training, tests). */
  model?: StanceModel;
}

/** Everything the checker measures for one pair, before deciding. */
export interface ClaimAnalysis {
  index: ArticleIndex;
  f: ClaimFeatures;
  cues: StanceCues;
  rule: RuleVerdict;
  /** Polarity conflicts of the claim with its best-matching sentences, best first. */
  conflicts: PolarityConflict[][];
  features: number[];
  /** Sparse cue-word features (see `cueFeatures`). */
  cueFeatures: Map<string, number>;
}

export function analyseClaim(article: string, claim: string, options: CheckOptions = {}): ClaimAnalysis {
  const index = indexArticle(article, options.junkParagraphs);
  return analyseMatched(index, claimFeatures(index, claim));
}

function analyseMatched(index: ArticleIndex, f: ClaimFeatures): ClaimAnalysis {
  const cues = stanceCues(index, f);
  const rule = ruleVerdict(f, cues);
  const conflicts = conflictsNear(f, cues.near.slice(0, 3));
  return {
    index,
    f,
    cues,
    rule,
    conflicts,
    features: stanceFeatures(index, f, cues, rule, conflicts),
    cueFeatures: cueFeatures(f, cues, index),
  };
}

function quoteList(cues: readonly string[]): string {
  return [...new Set(cues)]
    .slice(0, 3)
    .map((c) => `'${c}'`)
    .join(", ");
}

/** Up to three sentences as evidence, preferring those that carry the deciding cue. */
function pickEvidence(f: ClaimFeatures, prefer: (s: IndexedSentence) => boolean): ClaimCheck["evidence"] {
  const ranked = f.matches.slice(0, 12);
  const chosen = [...ranked.filter((m) => prefer(m.sentence) && m.overlap >= PARAMS.nearOverlap), ...ranked]
    .map((m) => m.sentence)
    .filter((s, i, all) => all.indexOf(s) === i)
    .slice(0, 3);
  return chosen.map((s) => ({ paragraph: s.paragraph, quote: s.text }));
}

const rejects = (s: IndexedSentence): boolean => s.refute.length + s.weakRefute.length + s.denial.length > 0;
const plain = (s: IndexedSentence): boolean => s.hedge.length === 0 && s.weakHedge.length === 0;

/**
 * The best-matching sentence when it is about the same thing as the claim: every claim term there, or
 * its opposite. A headline whose terms are spread over the article is not answered by one opposite word.
 */
function answeringSentence(a: ClaimAnalysis): IndexedSentence | undefined {
  const best = a.f.matches[0];
  const near = a.cues.near[0];
  if (!best || !near || best.sentence !== near) return undefined;
  const answered = a.f.terms.filter((t) => near.terms.has(t)).length + oppositeMatches(a.f.terms, near.terms);
  return answered >= OPPOSED_COVERAGE * a.f.terms.length ? near : undefined;
}

/** A claim that negates the opposite of what the answering sentence plainly states ("not open", "closed"). */
function agreesByNegatedOpposite(a: ClaimAnalysis): PolarityConflict | undefined {
  const near = answeringSentence(a);
  if (!near || near.question || !plain(near)) return undefined;
  return negatedOppositeAgreement(a.f.claimPolarity, polarityOfSentence(near), a.f.terms);
}

/** Share of the claim's terms a sentence must hold to lend the claim its digest statement's status. */
const STATEMENT_COVERAGE = 0.75;

/** Share of the claim's terms the answering sentence must hold (or hold the opposite of). */
const OPPOSED_COVERAGE = 0.9;

/**
 * The best-matching sentence says the opposite of a plain claim on the claim's own terms ("closed"
 * against "open", "was not arrested" against "arrested"), and says it plainly: read as a contradiction
 * whatever the overall stance model says, since the model learned from headlines about hoaxes.
 */
function opposedPlainly(a: ClaimAnalysis): PolarityConflict | undefined {
  const near = answeringSentence(a);
  if (!near) return undefined;
  if (a.f.claimHedged.length > 0 || a.f.claimQuestion || near.question || !plain(near)) return undefined;
  return (a.conflicts[0] ?? []).find((c) => c.kind === "opposite");
}

const RULE_STANCE: Record<Verdict, Stance> = {
  confirmed: "agree",
  contradicted: "disagree",
  unconfirmed: "discuss",
  disputed: "discuss",
  not_covered: "discuss",
};

/**
 * The model decides the stance of a claim the article is about; where the weights say so (chosen by
 * cross-validation), a rejection found by the hand-written rules' debunk and denial cues stands.
 */
function decideStance(a: ClaimAnalysis, model: StanceModel): Stance {
  if (model.weights.rulesReject && RULE_STANCE[a.rule.verdict] === "disagree") return "disagree";
  const p = model.probabilities(a.features, a.cueFeatures);
  return STANCES[p.indexOf(Math.max(...p))] ?? RULE_STANCE[a.rule.verdict];
}

/**
 * The digest statement whose evidence holds the sentence that says the claim, if any: among the best
 * matches, the first holding most of the claim's terms. A sentence sharing only the claim's topic words
 * ("the bridge was closed after cracks were found" for "cracks were visible for months") does not
 * lend the claim its status.
 */
function statementFor(a: ClaimAnalysis, statements: readonly Statement[]): Statement | undefined {
  const { terms } = a.f;
  const says = a.f.matches
    .slice(0, 3)
    .find(
      (m) =>
        m.overlap >= 0.5 &&
        terms.filter((t) => m.sentence.terms.has(t)).length >= STATEMENT_COVERAGE * terms.length,
    );
  if (!says) return undefined;
  const s = says.sentence;
  return statements.find((st) =>
    st.evidence.some(
      (e) => e.paragraph === s.paragraph && (e.quote.includes(s.text) || s.text.includes(e.quote)),
    ),
  );
}

export function checkClaim(article: string, claim: string, options: CheckOptions = {}): ClaimCheck {
  const index = indexArticle(article, options.junkParagraphs);
  const f = claimFeatures(index, claim);
  const n = f.terms.length;
  const foundTerms = f.terms.filter((t) => (index.sentenceFreq.get(t) ?? 0) > 0).length;
  const where = f.matches[0] ? ` (best in ¶${f.matches[0].sentence.paragraph})` : "";
  const overlap = `${foundTerms} of ${n} key terms found${where}`;
  const model = options.model ?? shippedStanceModel();
  if (!model.related(relatedFeatures(index, f))) {
    return {
      verdict: "not_covered",
      evidence: [],
      rationale: `article does not address the claim: only ${overlap}`,
    };
  }
  // Stance features only for claims the article is about: most claims in a batch are not.
  const a = analyseMatched(index, f);
  const { cues } = a;
  const stance = decideStance(a, model);
  const agreeing = claimDenies(f) ? agreesByNegatedOpposite(a) : undefined;
  if (agreeing) {
    return {
      verdict: "confirmed",
      evidence: pickEvidence(f, () => false),
      rationale: `${overlap}; the claim's 'not ${agreeing.claimTerm}' is the article's '${agreeing.sentenceTerm}'`,
    };
  }
  const opposed = claimDenies(f) ? undefined : opposedPlainly(a);
  if (opposed) {
    return {
      verdict: "contradicted",
      evidence: pickEvidence(f, () => false),
      rationale: `${overlap}; the article says the opposite ('${opposed.sentenceTerm}' against the claim's '${opposed.claimTerm}')`,
    };
  }
  // The digest's status is its reading of the sentence as written: it answers a claim that says the
  // same thing, not one that denies it.
  const statement = options.statements && !claimDenies(f) ? statementFor(a, options.statements) : undefined;
  if (statement && stance !== "disagree") {
    const verdict: Verdict = statement.status === "unknown" ? "unconfirmed" : statement.status;
    return {
      verdict,
      evidence: statement.evidence.slice(0, 3),
      rationale: `${overlap}; the digest reads this as ${statement.status} (${statement.rationale || statement.id})`,
    };
  }
  const against = quoteList([...cues.refute, ...cues.denial]);
  if (stance === "disagree") {
    return {
      verdict: "contradicted",
      evidence: pickEvidence(f, claimDenies(f) ? plain : rejects),
      rationale: claimDenies(f)
        ? `${overlap}; the claim denies (${quoteList(f.claimNegated)}) but the article states the story plainly`
        : `${overlap}; the article rejects it${against ? ` (${against})` : ""}`,
    };
  }
  if (stance === "agree") {
    return {
      verdict: "confirmed",
      evidence: pickEvidence(f, claimDenies(f) ? rejects : plain),
      rationale: claimDenies(f)
        ? `${overlap}; the claim denies (${quoteList(f.claimNegated)}) and so does the article${against ? ` (${against})` : ""}`
        : `${overlap}; the article states it plainly`,
    };
  }
  // Discussed, not settled: disputed when someone on the record denies it, else only reported.
  const denials = cues.near.flatMap((s) => s.denial);
  if (denials.length > 0) {
    return {
      verdict: "disputed",
      evidence: pickEvidence(f, rejects),
      rationale: `${overlap}; conflicting accounts (${quoteList(denials)})`,
    };
  }
  const hedges = cues.near.flatMap((s) => [...s.hedge, ...s.weakHedge]);
  const why =
    f.claimHedged.length > 0 || f.claimQuestion
      ? `the claim itself is tentative (${f.claimQuestion ? "a question" : quoteList(f.claimHedged)})`
      : hedges.length > 0
        ? `hedged: ${quoteList(hedges)}`
        : "the article reports it without settling it";
  return {
    verdict: "unconfirmed",
    evidence: pickEvidence(f, (s) => s.hedge.length > 0),
    rationale: `${overlap}; ${why}`,
  };
}
