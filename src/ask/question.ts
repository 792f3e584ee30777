import { z } from "zod";
import { WHEN } from "./shapes.ts";
import { SPEECH_CONCEPT } from "./synonyms.ts";
import { contentTerms, type Term, tokens } from "./terms.ts";

/** What kind of answer a question wants: the shape the answering sentence must have. */
export const QuestionKindSchema = z.enum([
  "count",
  "money",
  "age",
  "duration",
  "size",
  "when",
  "where",
  "who",
  "which",
  "why",
  "how",
  "what",
  "yesno",
]);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

export interface Question {
  kind: QuestionKind;
  /** "Do we know who...", "is it known whether...": an article saying it is not known answers it exactly. */
  asksIfKnown: boolean;
  /** "Did X really...", "is it true...", "...or not": the question doubts, and an answer weighs whether it is so. */
  doubts: boolean;
  /** The content the answer must be about. */
  terms: Term[];
  /**
   * The participle after "has / was / were" ("has X named a new leader", "where was she kidnapped"): what
   * happened is the point of the question, so an answer must say it in its own sentence.
   */
  predicate: Term | undefined;
  /** Terms that count when a passage has them and are not missed when it does not ("how many people"). */
  optional: Term[];
  /** For a count, the thing counted ("how many US strikes" → US, strikes), when the question names it. */
  counted: Term[];
  /**
   * Whose words the question asks for ("has the mayor commented?" → mayor): an answer must come from them,
   * not merely mention them. Empty when the question asks for no one's words, or asks who spoke.
   */
  speaker: Term[];
}

/** Words that only shape a question: they are never what it asks about. */
const QUESTION_FILLERS = new Set(
  (
    "actually really exactly supposedly allegedly reportedly apparently even ever yet already so just currently " +
    "now know knew known think thought happen happened happening kind type sort thing things tell told please " +
    "true truly indeed right okay ok well anyway whatever going gonna like mean lot lots sure many much " +
    "supposed suppose presumably probably possibly likely"
  ).split(" "),
);

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan['’]t\b/gi, "can not"],
  [/\bwon['’]t\b/gi, "will not"],
  [/n['’]t\b/gi, " not"],
  [/\b(who|what|where|when|why|how|which|it|that|there)['’]s\b/gi, "$1 is"],
  [/['’]re\b/gi, " are"],
  [/['’]ve\b/gi, " have"],
  [/['’]ll\b/gi, " will"],
  [/\b(who|what|where|when|why|how|i|you|he|she|we|they|it)['’]d\b/gi, "$1 did"],
];

// Openings that frame the question without changing what it asks.
// Idioms inside a question that ask nothing: "what sort of car are we talking about".
const IDIOMS =
  /\b(?:are|were|is)\s+(?:we|you|they)\s+talking\s+about\b|\bin\s+the\s+first\s+place\b|\bat\s+all\b|\bright\s+now\b|\bup\s+for\s+grabs\b|\bso\s+far\b|\bin\s+total\b|\bat\s+this\s+point\b/gi;

const LEAD_INS =
  /^(?:(?:so|and|but|ok|okay|well|now|also|hey|quick question)\b[,:]?\s*|(?:any|is there any|do we have any|got any)\s+(?:word|news|update|information|details?|confirmation)\s+(?:on|about|of)\s+)/i;
const ASKS_IF_KNOWN =
  /^(?:(?:do|does|did)\s+(?:we|you|they|anyone|anybody|police|officials|authorities)\s+(?:even\s+)?know|is\s+(?:it|anything)\s+known|has\s+anyone\s+(?:said|confirmed)|are\s+we\s+sure|(?:do|does|did)\s+(?:we|they|anyone)\s+have\s+(?:a\s+|any\s+)?(?:idea|clue|confirmation))\b\s*(?:if|whether|that|of|about)?\s*/i;
const IS_IT_TRUE =
  /^(?:is|was|are|were)\s+it\s+(?:true|right|correct|the case|confirmed|accurate)\s*(?:that|whether|if)?\s*/i;

const HEAD_KINDS: Record<string, QuestionKind> = {
  deadline: "when",
  date: "when",
  time: "when",
  timing: "when",
  schedule: "when",
  timeline: "when",
  location: "where",
  venue: "where",
  address: "where",
  whereabouts: "where",
  reason: "why",
  motive: "why",
  cause: "why",
  age: "age",
  count: "count",
  number: "count",
  total: "count",
  toll: "count",
  tolls: "count",
  tally: "count",
  figure: "count",
  cost: "money",
  price: "money",
  budget: "money",
  value: "money",
  name: "who",
  identity: "who",
};

const HEAD_NOUN = new RegExp(
  `^what\\s+(?:is|was|are|were|will\\s+be)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,2}?(${Object.keys(HEAD_KINDS).join("|")})\\b`,
  "iu",
);

/** The kind from the wh-word (or auxiliary) that opens the question proper. */
function kindOf(text: string): QuestionKind {
  const t = text.toLowerCase();
  if (/^how\s+many\b|^what\s+(?:number|percentage|proportion|share)\b/.test(t)) return "count";
  if (/^how\s+much\b/.test(t))
    return /\b(?:money|cost|costs?|worth|pay|paid|price|spend|spent|raise|raised|give|gave|budget|fund|funding|owe|charge)\b/.test(
      t,
    )
      ? "money"
      : "count";
  if (/^how\s+old\b|^what\s+age\b/.test(t)) return "age";
  if (/^how\s+long\b|^how\s+far\b/.test(t)) return "duration";
  if (/^how\s+(?:big|large|strong|powerful|high|deep|bad|severe|serious|wide|heavy)\b/.test(t)) return "size";
  if (/^(?:when|what\s+(?:time|date|day|year|month))\b/.test(t)) return "when";
  if (/^(?:where|what\s+(?:place|city|town|country|state|region|area))\b/.test(t)) return "where";
  if (/^(?:who|whom|whose)\b/.test(t)) return "who";
  if (/^(?:which|what\s+(?:kind|type|sort|brand|model|make)\s+of)\b/.test(t)) return "which";
  if (/^why\b|^what\s+(?:caused|made|led|prompted)\b/.test(t)) return "why";
  if (/^how\b/.test(t)) return "how";
  // "What is the deadline / the death toll / the reason": the noun asked about says what shape the answer has.
  const head = HEAD_NOUN.exec(t)?.[1];
  if (head) return HEAD_KINDS[head.toLowerCase()] ?? "what";
  if (/^(?:what|what's)\b/.test(t)) return "what";
  if (
    /^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|shall|may|might|must)\b/.test(t)
  )
    return "yesno";
  // A question with its wh-word later ("the suspect's name was what?") or none: read it as a what-question.
  if (/\bwho\b/.test(t)) return "who";
  if (/\bwhere\b/.test(t)) return "where";
  if (/\bwhen\b/.test(t)) return "when";
  if (/\bhow\s+many\b/.test(t)) return "count";
  return "what";
}

// The wh-phrase itself: "how many", "what kind of" ask, they are not what is asked about.
const WH_PHRASE =
  /^(?:how\s+(?:many|much|old|long|far|big|large|strong|powerful|high|deep|bad|severe|serious|wide|heavy)|what\s+(?:kind|type|sort)\s+of|what\s+(?:number|percentage|proportion|share|time|date|day|year|month|age)(?:\s+of)?|who|whom|whose|what|which|where|when|why|how)\b\s*/i;

// Where the noun phrase after "how many" ends: an auxiliary, a past form, a preposition.
const NP_END =
  /^(?:is|are|was|were|be|been|did|do|does|has|have|had|will|would|can|could|should|may|might|got|get|went|came|in|on|at|of|for|with|from|to|by|\p{L}+ed)$/iu;

/** Content terms the speech word of a question is about: "has [the state department] responded". */
function speakerOf(kind: QuestionKind, terms: Term[]): Term[] {
  if (kind !== "yesno" && kind !== "what") return [];
  const speech = terms.findIndex((t) => t.keys.includes(SPEECH_CONCEPT));
  if (speech <= 0 || speech > 3) return [];
  return terms.slice(0, speech);
}

/** The first words after "how many", up to two, before the verb: what is counted. */
function countedOf(body: string, terms: Term[]): Term[] {
  const words = tokens(body);
  let start = 0;
  while (words[start] && /^(?:of|the|her|his|their|its|our|those|these)$/i.test(words[start] ?? "")) start++;
  let end = start;
  while (end < words.length && end - start < 2 && !NP_END.test(words[end] ?? "")) end++;
  return terms.filter((t) => t.at >= start && t.at < end);
}

// "How many times": the count is of events, not of a thing the article names.
const MEASURE_WORDS = /^(?:times?|occasions?)$/i;
// "How many people": any count of persons answers ("three passengers", "six officers").
const ANYONE = /^(?:people|persons?|individuals)$/i;

const PERFECT_OR_PASSIVE = /^(?:has|have|had|is|are|was|were|been|being|be)$/i;
const PARTICIPLE =
  /^\p{L}{3,}(?:ed|en)$|^(?:sent|shot|hit|held|caught|brought|bought|built|found|left|lost|made|paid|sold|told|said|struck|fled|hurt|set|put|cut|won|led|kept|met|spent|run|seen|done|gone|taken|known|thrown|grown|drawn|stolen|chosen|frozen|spoken|written|driven|given|beaten|hidden|ridden|begun|sung|sunk|swum|flown|shown)$/iu;

/** The first participle after an auxiliary of the perfect or the passive, unless it is a word of speech. */
function predicateOf(body: string, terms: readonly Term[], speaker: readonly Term[]): Term | undefined {
  const words = tokens(body);
  const auxiliary = words.findIndex((w) => PERFECT_OR_PASSIVE.test(w));
  if (auxiliary < 0) return undefined;
  const predicate = terms.find((t) => t.at > auxiliary && PARTICIPLE.test(t.raw.split(" ")[0] ?? ""));
  return predicate && !predicate.keys.includes(SPEECH_CONCEPT) && !speaker.includes(predicate)
    ? predicate
    : undefined;
}

/** The terms of a text that fall inside a phrase of the given shape. */
function termsWithin(body: string, terms: readonly Term[], shape: RegExp): Term[] {
  const spans = [...body.matchAll(new RegExp(shape.source, `${shape.flags}g`))].map((m) => {
    const start = tokens(body.slice(0, m.index)).length;
    return { start, end: start + tokens(m[0]).length };
  });
  return terms.filter((t) => spans.some((s) => t.at >= s.start && t.at < s.end));
}

/** A reporter's question is a sentence or two: the rest of a pasted wall of text is not read. */
const MAX_QUESTION_CHARS = 1000;

/** Reads a reporter's question: its kind, whether it asks if something is known, and its content terms. */
export function parseQuestion(question: string): Question {
  let text = question
    .slice(0, MAX_QUESTION_CHARS)
    .trim()
    .replace(/[?!.]+$/g, "");
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  const doubts = /\b(?:really|actually|truly|or\s+not|is\s+it\s+true|was\s+it\s+true)\b/i.test(text);
  let previous = "";
  let asksIfKnown = false;
  while (previous !== text) {
    previous = text;
    text = text.replace(LEAD_INS, "");
    const known = ASKS_IF_KNOWN.exec(text);
    if (known) {
      asksIfKnown = true;
      text = text.slice(known[0].length);
    }
    text = text.replace(IS_IT_TRUE, "");
  }
  const kind =
    asksIfKnown && !/^(?:who|whom|whose|what|which|where|when|why|how)\b/i.test(text)
      ? "yesno"
      : kindOf(text);
  const body = text.replace(WH_PHRASE, "").replace(IDIOMS, " ");
  let terms = contentTerms(body).filter((t) => !QUESTION_FILLERS.has(t.raw.toLowerCase()));
  let counted = kind === "count" ? countedOf(body, terms) : [];
  // "What is the deadline": the head noun names the shape of the answer, not its content.
  const head = HEAD_NOUN.exec(text)?.[1]?.toLowerCase();
  const headTerm =
    head && HEAD_KINDS[head] === kind ? terms.find((t) => t.raw.toLowerCase() === head) : undefined;
  if (headTerm) {
    if (kind === "count") counted = terms.filter((t) => t.at < headTerm.at);
    if (kind !== "money") terms = terms.filter((t) => t !== headTerm);
  }
  if (counted.some((t) => MEASURE_WORDS.test(t.raw))) {
    terms = terms.filter((t) => !counted.includes(t));
    counted = [];
  }
  const optional = counted.filter((t) => ANYONE.test(t.raw));
  if (optional.length > 0) counted = [];
  // "What is she doing next year": the time a question gives is welcome in an answer, not required of it.
  if (kind !== "when" && kind !== "duration") optional.push(...termsWithin(body, terms, WHEN));
  const speaker = speakerOf(kind, terms);
  return {
    kind,
    asksIfKnown,
    doubts,
    terms,
    optional,
    counted,
    speaker,
    predicate: predicateOf(body, terms, speaker),
  };
}
