/**
 * Shallow block features of each paragraph, in the style of Kohlschütter et al. (2010), "Boilerplate
 * detection using shallow text features": what page furniture IS (short, no sentence punctuation,
 * capitalised like a menu, imperative, web vocabulary, links and handles, a label before a colon,
 * repeated on the page, sharing no terms with the story) rather than what one page's furniture says.
 * The learned weights that turn them into a verdict live in furniture-model.ts.
 */
import { STOPWORDS, words } from "../nlp/text.ts";

/** Names of the features, in vector order (the shipped weights are keyed by them). */
export const FEATURE_NAMES = [
  "logWords",
  "upTo3Words",
  "upTo8Words",
  "sentenceEnd",
  "logSentences",
  "titleCaseShare",
  "allCapsShare",
  "stopwordShare",
  "imperativeStart",
  "secondPerson",
  "firstPlural",
  "webVocabulary",
  "linkDensity",
  "email",
  "labelColon",
  "separators",
  "timestamp",
  "quoteMarks",
  "speechVerb",
  "digitShare",
  "markup",
  "parenthesised",
  "repeated",
  "cohesion",
  "noSharedTerms",
  "lastParagraph",
  "finiteVerb",
  "postSignature",
  "webLabel",
  "webCount",
  "shortWithoutVerb",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Each feature in words, for the reason a paragraph was dropped. */
export const FEATURE_LABELS: Record<FeatureName, readonly [present: string, absent: string]> = {
  logWords: ["long", "short"],
  upTo3Words: ["three words or fewer", "more than three words"],
  upTo8Words: ["eight words or fewer", "more than eight words"],
  sentenceEnd: ["ends like a sentence", "no sentence ending"],
  logSentences: ["several sentences", "no full sentence"],
  titleCaseShare: ["capitalised like a menu", "few capitals"],
  allCapsShare: ["in capitals", "no capitals"],
  stopwordShare: ["function words", "few function words"],
  imperativeStart: ["tells the reader to act", "no instruction"],
  secondPerson: ["addresses the reader", "does not address the reader"],
  firstPlural: ["speaks for the site", "does not speak for the site"],
  webVocabulary: ["web-page vocabulary", "little web-page vocabulary"],
  linkDensity: ["links or handles", "no links"],
  email: ["an e-mail address", "no e-mail address"],
  labelColon: ["a label before a colon", "no label"],
  separators: ["separator bars", "no separators"],
  timestamp: ["a time stamp", "no time stamp"],
  quoteMarks: ["quotation marks", "quotes no one"],
  speechVerb: ["a speech verb", "no speech verb"],
  digitShare: ["digits", "few digits"],
  markup: ["markup", "no markup"],
  parenthesised: ["in parentheses", "not in parentheses"],
  repeated: ["repeated on the page", "not repeated"],
  cohesion: ["shares terms with the story", "shares few terms with the story"],
  noSharedTerms: ["no terms shared with the story", "shares some terms"],
  lastParagraph: ["last paragraph", "not the last paragraph"],
  finiteVerb: ["a finite verb", "no verb"],
  postSignature: ["signs an embedded post", "no post signature"],
  webLabel: ["a web-page label", "no web-page label"],
  webCount: ["web-page words", "few web-page words"],
  shortWithoutVerb: ["short, with no verb", "has a verb or some length"],
};

// Verbs a page uses to tell the reader what to do: a paragraph that opens with one is an instruction.
export const IMPERATIVE = new Set(
  (
    "click tap sign subscribe follow like share download read watch get join see scroll email contact visit " +
    "listen register log tell send check shop buy order try call text support donate install enter keep " +
    "discover explore find learn save bookmark print comment reply view browse play continue jump go back " +
    "don't never stay catch let"
  ).split(" "),
);

// Vocabulary of the page around a story (navigation, sharing, subscriptions, credits, legal lines),
// not of any one site: words a news paragraph rarely needs, and furniture rarely does without.
export const WEB_VOCABULARY = new Set(
  (
    "advertisement advertising advert ads ad sponsored sponsor promoted promo newsletter newsletters subscribe " +
    "subscribed subscriber subscribers subscription inbox e-mail email app apps download share shares shared " +
    "sharing facebook twitter instagram whatsapp linkedin pinterest reddit youtube tiktok snapchat follow " +
    "followers like likes comment comments copyright rights reserved redistributed reproduced rewritten " +
    "broadcast photo photos photograph image images picture pictures credit credits getty shutterstock video " +
    "videos watch click tap here related recommended read more continue reading below above posted updated " +
    "reached contact tips tip alerts alert notifications sign signup login log account cookie cookies privacy " +
    "policy terms print save bookmark gallery slideshow caption captions courtesy via menu home next previous " +
    "loading free trial offer deal deals discount code shop stories trending popular latest podcast listen " +
    "premium unlimited access donate support journalism website site page online exclusive story " +
    "continues viewed view picks editors"
  ).split(" "),
);

export const SPEECH =
  /\b(?:said|says|say|told|tells|according|added|asked|stated|announced|explained|insisted|claimed|denied|wrote|argued)\b/i;
// Past-tense, modal or copular verbs that make a clause a statement about the world.
const FINITE_VERB =
  /\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does)\b|\b\w{3,}ed\b/i;
const LINKS = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:com|net|org|co|ly|uk|io)\b\S*|(?:^|\s)[@#]\w+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/;
// The words before a colon, bar or chevron opening a paragraph: "Read more:", "Photo |".
const LABEL_PREFIX = /^\W{0,3}((?:[\p{L}’'-]+ ){0,3}[\p{L}’'-]+) ?[:|»›]/u;
const LABEL = /^[\p{L}’' &/-]{2,30}\s?[:|»›]\s*\S/u;
const SEPARATORS = /\s[|•·»›]\s|\s[|•·»›]$/;
const TIMESTAMP =
  /\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?|et|gmt|bst|utc|est|pst)?\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:updated|published|posted)\b.{0,30}\b\d/i;
const QUOTES = /["“”«»]|(?:^|\s)['‘][^']{8,}['’]/;
const MARKUP = /[{}<>]|&[a-z]+;|&#\d+;|\b(?:nbsp|px|div|span|css|javascript)\b/i;
// "— Name (@handle) March 3, 2021": who wrote the embedded post quoted just above; part of the quote.
const POST_SIGNATURE = /^[—–-]\s*[^\n()]{1,60}\(@\w{1,15}\)\s+\p{L}+\.? \d{1,2},? \d{4}\s*$/u;
const SENTENCE_END = /[.!?…]["'”’)\]»]*$/u;

export interface BlockContext {
  /** Cohesion of each paragraph with the rest of the story, relative to the article's own (1 = typical). */
  cohesion: number[];
  /** Lower-cased words of each paragraph (text.ts `words`), when the caller has them already. */
  words?: string[][];
  /** Paragraphs to describe; the others get an empty vector (saves time on long running text). */
  wanted?: boolean[];
}

function share(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}

const SECOND_PERSON = new Set(["you", "your", "yours", "you're", "yourself"]);
const FIRST_PLURAL = new Set(["our", "us", "we", "we're", "we've"]);

function count(ws: readonly string[], set: ReadonlySet<string>): number {
  let n = 0;
  for (const w of ws) if (set.has(w)) n++;
  return n;
}

function isLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Words, and how many start with a capital or are all capitals (one pass over the characters). */
function capitals(p: string): { alpha: number; titleCase: number; allCaps: number } {
  let alpha = 0;
  let titleCase = 0;
  let allCaps = 0;
  let i = 0;
  while (i < p.length) {
    const ch = p.charAt(i);
    if (!isLetter(ch)) {
      i++;
      continue;
    }
    alpha++;
    const capital = ch !== ch.toLowerCase();
    let caps = capital;
    let length = 0;
    while (i < p.length && (isLetter(p.charAt(i)) || "'’-".includes(p.charAt(i)))) {
      const c = p.charAt(i);
      if (caps && c !== c.toUpperCase()) caps = false;
      length++;
      i++;
    }
    if (capital) titleCase++;
    if (caps && length > 1) allCaps++;
  }
  return { alpha, titleCase, allCaps };
}

/** The feature vector of each paragraph, in FEATURE_NAMES order. */
export function blockFeatures(paragraphs: string[], context: BlockContext): number[][] {
  const keys = paragraphs.map((p) => p.toLowerCase().replace(/\s+/g, " ").trim());
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  const last = paragraphs.length - 1;
  return paragraphs.map((p, i) => {
    if (context.wanted && !context.wanted[i]) return [];
    const ws = context.words?.[i] ?? words(p);
    const n = ws.length;
    const { alpha, titleCase, allCaps } = capitals(p);
    const sentences = (p.match(/[.!?]+(?:\s|$)/g) ?? []).length;
    const first = ws[0] ?? "";
    const cohesion = Math.min(2, context.cohesion[i] ?? 1);
    const web = count(ws, WEB_VOCABULARY);
    const label = LABEL_PREFIX.exec(p)?.[1];
    const finite = FINITE_VERB.test(p);
    const vector: Record<FeatureName, number> = {
      logWords: Math.log2(1 + n),
      upTo3Words: n <= 3 ? 1 : 0,
      upTo8Words: n <= 8 ? 1 : 0,
      sentenceEnd: SENTENCE_END.test(p.trim()) ? 1 : 0,
      logSentences: Math.log2(1 + sentences),
      titleCaseShare: share(titleCase, alpha),
      allCapsShare: share(allCaps, alpha),
      stopwordShare: share(count(ws, STOPWORDS), n),
      imperativeStart: IMPERATIVE.has(first) ? 1 : 0,
      secondPerson: share(count(ws, SECOND_PERSON), n) * 5,
      firstPlural: share(count(ws, FIRST_PLURAL), n) * 5,
      webVocabulary: share(web, n),
      linkDensity: Math.min(1, share((p.match(LINKS) ?? []).length, Math.max(1, n)) * 3),
      email: p.includes("@") && EMAIL.test(p) ? 1 : 0,
      labelColon: LABEL.test(p) ? 1 : 0,
      separators: SEPARATORS.test(p) ? 1 : 0,
      timestamp: TIMESTAMP.test(p) ? 1 : 0,
      quoteMarks: QUOTES.test(p) ? 1 : 0,
      speechVerb: SPEECH.test(p) ? 1 : 0,
      digitShare: share((p.match(/\d/g) ?? []).length, Math.max(1, p.length)) * 5,
      markup: MARKUP.test(p) ? 1 : 0,
      parenthesised: /^\(.*\)\W*$/s.test(p.trim()) ? 1 : 0,
      repeated: (seen.get(keys[i] ?? "") ?? 1) > 1 ? 1 : 0,
      cohesion,
      noSharedTerms: cohesion === 0 ? 1 : 0,
      lastParagraph: i === last ? 1 : 0,
      finiteVerb: finite ? 1 : 0,
      postSignature: POST_SIGNATURE.test(p.trim()) ? 1 : 0,
      webLabel: label !== undefined && words(label).some((w) => WEB_VOCABULARY.has(w)) ? 1 : 0,
      webCount: Math.min(4, web) / 4,
      shortWithoutVerb: n <= 12 && !finite ? 1 : 0,
    };
    return FEATURE_NAMES.map((name) => vector[name]);
  });
}
