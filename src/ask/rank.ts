import type { Digest } from "../digest/schema.ts";
import { type Passage, passagesOf } from "./passages.ts";
import { parseQuestion, type Question, type QuestionKind } from "./question.ts";
import { AGE, COUNT, DURATION, HOW, MONEY, namesIn, placesIn, WHEN, WHERE, WHY } from "./shapes.ts";
import { SPEECH_CONCEPT } from "./synonyms.ts";
import { contentTerms, keySet, type Term, TOKEN } from "./terms.ts";

/**
 * Ranks the sentences of an article's kept paragraphs as answers to a question, by meaning: how much of the
 * question's weighted content each holds (its own words, its synonyms, its statements' sources; the rest of
 * its paragraph counts for less), whether it has the shape the question asks for (a count beside the thing
 * counted, a date, a place, a name), and whether it says the thing is not known.
 */

/** The knobs of the ranking, in one place so a development harness can measure them. */
export interface Tuning {
  /** How much of the question's weighted content a passage must hold to answer it. */
  minCoverage: number;
  /** Content found only elsewhere in the passage's paragraph counts this much; in the paragraph before, less. */
  paragraphCredit: number;
  previousCredit: number;
  /** Content found only in the headline, the story's subject, counts this much. */
  storyCredit: number;
  /** The document frequency a word the article never uses is weighed at (below 1: more than its rarest word). */
  absentFrequency: number;
  /** A sentence saying that what was asked is not known counts this many average words more. */
  dimensionCredit: number;
  /** Added for the shape of an answer (a count, a date...). */
  shapeBonus: number;
  /** "Do we know...": a passage saying it is not known answers exactly. */
  knownBonus: number;
  /** "Did X really...": a sentence that denies, doubts or corrects answers better than one that repeats. */
  doubtBonus: number;
  /** A headline restates the story in few words: the body says the same with its source and detail. */
  headlinePenalty: number;
  /** Of two passages saying as much, the shorter says it more directly: this much per content word, capped. */
  lengthPenalty: number;
  lengthPenaltyCap: number;
}

export const TUNING: Tuning = {
  minCoverage: 0.45,
  paragraphCredit: 0.5,
  previousCredit: 0.3,
  storyCredit: 0.3,
  absentFrequency: 0.3,
  dimensionCredit: 1,
  shapeBonus: 0.15,
  knownBonus: 0.25,
  doubtBonus: 0.2,
  headlinePenalty: 0.05,
  lengthPenalty: 0.002,
  lengthPenaltyCap: 0.06,
};

/** How many tokens apart a number and the thing it counts may be ("14 air strikes", "85 of the 154 meetings"). */
const COUNT_WINDOW = 4;
/** How many tokens apart a speaker and a speech word may be ("Ross, a spokeswoman for the mayor, did not respond"). */
const SPEAKER_WINDOW = 5;

/** A sentence saying something is not known: it answers any question about that thing. */
const OPEN_QUESTION =
  /\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:known|clear|identified|named|released|disclosed|revealed|confirmed|determined|established|made\s+public)|unknown|unclear|unidentified|unnamed|no\s+(?:further\s+)?(?:details|information|word|indication|reason|explanation|comment)|declined\s+to|refused\s+to|would\s+not\s+(?:say|confirm|comment)|did\s+not\s+(?:say|respond|return|reply|comment|confirm)|(?:won['’]t|wouldn['’]t|didn['’]t)\s+(?:say|confirm|comment)|too\s+early\s+to|remains?\s+to\s+be\s+seen|up\s+in\s+the\s+air|whether)\b/iu;

/** Words that weigh whether something is so: a denial, a doubt, a correction, a plain "not". */
const WEIGHS_TRUTH =
  /\b(?:not|no|never|n['’]t|den(?:y|ies|ied)|reject\w*|dismiss\w*|false|untrue|fake|hoax|rubbish|nonsense|wrong|incorrect|inaccurate|mistaken\w*|misattribut\w*|correct\w*|retract\w*|doubt\w*|inconsisten\w*|disput\w*|debunk\w*|turned\s+out|proved|proven|confirm\w*|verif\w*)\b/iu;

export interface Scored {
  passage: Passage;
  /** Share of the question's weighted content the passage holds, 0 when it cannot answer at all. */
  coverage: number;
  /** Whether it has the shape of an answer to this kind of question. */
  fits: boolean;
  /** Whether it says something is not known. */
  open: boolean;
  score: number;
}

export interface Ranking {
  question: Question;
  /** Every passage, scored, in the article's order. */
  scored: Scored[];
  /** The passages that answer, best first. */
  answering: Scored[];
}

/** Scores every passage of the digest against the question. */
export function rankPassages(digest: Digest, question: string, tuning: Tuning = TUNING): Ranking {
  const q = parseQuestion(question);
  const passages = passagesOf(digest);
  const none: Ranking = { question: q, scored: [], answering: [] };
  if (q.terms.length === 0 || passages.length === 0) return none;
  const weight = termWeights(passages, tuning);
  const present = (t: Term) => passages.some((p) => holds(p.keys, t) || holds(p.sourceKeys, t));
  // Someone the article never names cannot have said anything in it.
  if (q.speaker.some((t) => !present(t))) return none;
  const first = passages[0]?.paragraph;
  const isHeadline = (p: Passage) =>
    p.paragraph === first &&
    digest.title !== "" &&
    (digest.title.includes(p.text) || p.text.includes(digest.title));
  // The headline names what the whole story is about: every sentence is read as being about it too.
  const story = new Set(passages.filter(isHeadline).flatMap((p) => [...p.keys]));
  const scored = passages.map((p) => score(q, p, weight, isHeadline(p), story, tuning));
  const answering = scored
    .filter((s) => s.coverage >= tuning.minCoverage && (s.fits || (s.open && opensAnswer(q, s.passage))))
    .sort((a, b) => b.score - a.score);
  return { question: q, scored, answering };
}

/**
 * Rare words in the article weigh more ("bounty" says more than the story's subject). A word the article never
 * uses weighs a little more than its rarest: it is what the article lacks, unless a synonym covers it.
 */
function termWeights(passages: readonly Passage[], tuning: Tuning): (t: Term) => number {
  const n = passages.length;
  const memo = new Map<Term, number>();
  return (t) => {
    const known = memo.get(t);
    if (known !== undefined) return known;
    const df = passages.filter((p) => holds(p.keys, t) || holds(p.sourceKeys, t)).length;
    const w = Math.log(1 + n / (df === 0 ? tuning.absentFrequency : df + 0.5));
    memo.set(t, w);
    return w;
  };
}

export const holds = (keys: Set<string>, t: Term): boolean => t.keys.some((k) => keys.has(k));

const isSpeech = (t: Term) => t.keys.includes(SPEECH_CONCEPT);

/** Whether the passage gives these people's words: its statements' sources, or named beside a speech word. */
function spokenBy(p: Passage, speaker: readonly Term[]): boolean {
  const speechAt = p.terms.filter(isSpeech).map((t) => t.at);
  return speaker.every(
    (s) =>
      holds(p.sourceKeys, s) ||
      p.terms.some(
        (t) =>
          s.keys.some((k) => t.keys.includes(k)) &&
          speechAt.some((at) => Math.abs(at - t.at) <= SPEAKER_WINDOW),
      ),
  );
}

/** How well a number in the passage counts what the question counts: 1 beside it, less a few words off, 0 none. */
function countsIt(q: Question, p: Passage): number {
  if (p.numbers.length === 0) return 0;
  if (q.counted.length === 0) return 0.6;
  let nearest = Number.POSITIVE_INFINITY;
  for (const t of p.terms)
    if (q.counted.some((c) => c.keys.some((k) => t.keys.includes(k))))
      for (const n of p.numbers) nearest = Math.min(nearest, Math.abs(n - t.at));
  return nearest <= 2 ? 1 : nearest <= COUNT_WINDOW ? 0.6 : 0;
}

function score(
  q: Question,
  p: Passage,
  weight: (t: Term) => number,
  isHeadline: boolean,
  story: Set<string>,
  tuning: Tuning,
): Scored {
  let total = 0;
  let matched = 0;
  const speaks =
    q.speaker.length > 0 ? spokenBy(p, q.speaker) : p.statements.some((s) => s.sources.length > 0);
  for (const t of q.terms) {
    const w = weight(t);
    if (q.optional.includes(t) && !holds(p.keys, t)) continue;
    total += w;
    if (isSpeech(t) && speaks) matched += w;
    else if (holds(p.keys, t) || holds(p.sourceKeys, t)) matched += w;
    else if (holds(p.paragraphKeys, t)) matched += w * tuning.paragraphCredit;
    else if (holds(p.previousKeys, t)) matched += w * tuning.previousCredit;
    else if (holds(story, t)) matched += w * tuning.storyCredit;
  }
  // A question in the article asks; it does not answer. Whose words were asked for, only they can answer.
  const answers =
    !p.text.trimEnd().endsWith("?") &&
    (q.speaker.length === 0 || speaks) &&
    (!q.predicate || holds(p.keys, q.predicate) || holds(p.sourceKeys, q.predicate));
  const open = OPEN_QUESTION.test(p.text) || p.statements.some((s) => s.status === "unknown");
  // "No reason has been given for...", "the names have not been released": saying that what was asked is not
  // known is itself part of the answer, worth an average word of the question.
  if (open && namesDimension(q, p) && total > 0) {
    const average = total / q.terms.length;
    matched += average * tuning.dimensionCredit;
    total += average * tuning.dimensionCredit;
  }
  const coverage = total > 0 && answers ? matched / total : 0;
  const fit = fitsKind(q, p);
  const score =
    coverage +
    tuning.shapeBonus * fit -
    Math.min(tuning.lengthPenaltyCap, tuning.lengthPenalty * p.terms.length) +
    (open && (q.asksIfKnown || namesDimension(q, p)) ? tuning.knownBonus : 0) +
    (q.doubts && (open || WEIGHS_TRUTH.test(p.text)) ? tuning.doubtBonus : 0) -
    (isHeadline ? tuning.headlinePenalty : 0);
  return { passage: p, coverage, fits: fit > 0, open, score };
}

/** The words by which a sentence names what it says is not known: "the number of dead", "no reason why". */
const DIMENSION: Record<QuestionKind, RegExp | undefined> = {
  count: /\b(?:how\s+many|number|toll|figure|amount|total|count)\b/i,
  money: /\b(?:how\s+much|amount|cost|price|value|sum|figure)\b/i,
  size: /\b(?:how\s+(?:big|large|strong|bad)|size|scale|extent|magnitude)\b/i,
  age: /\b(?:age|how\s+old)\b/i,
  duration: /\b(?:how\s+long|duration|length)\b/i,
  when: /\b(?:when|date|timing)\b/i,
  where: /\b(?:where|location|whereabouts)\b/i,
  who: /\b(?:who|identity|identities|identified|identify|names?|named)\b/i,
  which: /\b(?:which|identity|identified|names?|named)\b/i,
  why: /\b(?:why|reasons?|motives?|cause)\b/i,
  how: /\bhow\b/i,
  what: undefined,
  yesno: undefined,
};

/** Shapes without which a sentence that says "not known" does not say it about what was asked. */
const NEEDS_DIMENSION = new Set<QuestionKind>(["count", "money", "size", "age", "duration", "when", "where"]);

/**
 * Whether a passage saying something is not known answers the question: always for who / what / which / why
 * / how / yes-no questions about it; for a count, date, place or age only when it says that this is unknown
 * ("it is not clear when", "the number of dead is not known").
 */
function opensAnswer(q: Question, p: Passage): boolean {
  return !NEEDS_DIMENSION.has(q.kind) || namesDimension(q, p);
}

const namesDimension = (q: Question, p: Passage): boolean => DIMENSION[q.kind]?.test(p.text) ?? false;

/** Whether one of these phrases says something the question does not already hold: an answer adds. */
function addsTo(q: Question, phrases: readonly string[]): boolean {
  const asked = keySet(q.terms);
  return phrases.some((phrase) => {
    const terms = contentTerms(phrase);
    return terms.length === 0 || terms.some((t) => !t.keys.some((k) => asked.has(k)));
  });
}

/** How well the passage has the shape of an answer to this kind of question, from 0 (not at all) to 1. */
function fitsKind(q: Question, p: Passage): number {
  const text = p.text;
  switch (q.kind) {
    case "count":
      return countsIt(q, p);
    case "money":
      return MONEY.test(text) ? 1 : 0;
    case "age":
      return AGE.test(text) ? 1 : 0;
    case "duration":
      return DURATION.test(text) || WHEN.test(text) ? 1 : 0;
    case "size":
      return COUNT.test(text) ? 1 : 0;
    case "when":
      return nearness(q, p, WHEN, () => true);
    case "where":
      return nearness(q, p, WHERE, (place) => addsTo(q, placesIn(place)));
    case "who":
    case "which":
      return addsTo(q, namesIn(text)) || [...p.sourceKeys].some((k) => !keySet(q.terms).has(k)) ? 1 : 0;
    case "why":
      return WHY.test(text) ? 1 : 0;
    case "how":
      return HOW.test(text) || WHY.test(text) ? 1 : 0;
    default:
      return 1;
  }
}

/** How many tokens from the question's words a date or place may be and still read as theirs. */
const SHAPE_WINDOW = 8;
/** A sentence with more dates or places than this is a list, not an answer: the rest are not looked at. */
const MAX_SHAPES = 32;
const TOKEN_START = new RegExp(TOKEN.source, "gu");

/**
 * 1 when a phrase of the shape (a date, a place) that passes `adds` sits near the question's words in the
 * sentence ("rumors spread ... on Dec. 31"), 0.6 when it is further off, 0 when there is none.
 */
function nearness(q: Question, p: Passage, shape: RegExp, adds: (phrase: string) => boolean): number {
  const asked = keySet(q.terms);
  const at = p.terms.filter((t) => t.keys.some((k) => asked.has(k))).map((t) => t.at);
  // Token positions by character offset, found once: a sentence may hold many dates.
  const starts = [...p.text.matchAll(TOKEN_START)].map((m) => m.index);
  let best = 0;
  let token = 0;
  let seen = 0;
  for (const m of p.text.matchAll(new RegExp(shape.source, `${shape.flags}g`))) {
    if (++seen > MAX_SHAPES || best === 1) break;
    if (!adds(m[0])) continue;
    while (token < starts.length && (starts[token] ?? 0) < m.index) token++;
    best = Math.max(best, at.some((a) => Math.abs(a - token) <= SHAPE_WINDOW) ? 1 : 0.6);
  }
  return best;
}
