/**
 * What an answer to each kind of question looks like in a sentence: a count, an amount of money, a date
 * or time, a place, an age, a duration, a name. General English patterns, not tied to any article.
 */

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|" +
  "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|" +
  "thousand|thousands|million|millions|billion|billions|dozen|dozens|score|scores|half|several|no one|nobody|none";

/** A count: digits or a number word ("six people", "a dozen shots", "no one was hurt"). */
export const COUNT = new RegExp(`(?<![\\p{L}])(?:\\d[\\d,.]*|${NUMBER_WORDS})(?![\\p{L}])`, "iu");

/** One token that is a number: "14", "5.1-magnitude", "six", "dozen". */
export const NUMBER_WORD = new RegExp(`^(?:\\d[\\d,.]*(?:-\\p{L}+)?|${NUMBER_WORDS})$`, "iu");

/** Sums of money. */
export const MONEY =
  /(?:[$£€¥]\s?\d|\d[\d,.]*\s?(?:dollars|euros|pounds|yen|bn|m\b)|\b(?:million|billion|thousand)\s+(?:dollars|euros|pounds)|\b(?:dollars|euros|pounds|cents)\b)/iu;

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|" +
  "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/** Dates and times: weekdays, months, years, clock times, and relative expressions. */
export const WHEN = new RegExp(
  [
    `\\b(?:${DAYS})\\b`,
    // "May" and "March" are also ordinary words: a capital letter or a day number is required.
    `\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b\\.?`,
    `\\b\\d{1,2}\\s+(?:${MONTHS})\\b`,
    "\\b(?:1[89]|20)\\d\\d\\b",
    "\\b\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.?m\\.?|p\\.?m\\.?)",
    "\\b(?:today|yesterday|tomorrow|tonight|overnight|midnight|noon|dawn|dusk)\\b",
    "\\b(?:last|next|this|earlier this|later this|past)\\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)\\b",
    "\\b(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\\s+(?:ago|later|earlier|after|before)\\b",
    "\\b(?:morning|afternoon|evening)\\b",
    "\\b(?:until|by|since|before|after)\\s+(?:the\\s+)?(?:end|start|beginning|middle)\\s+of\\b",
  ].join("|"),
  "u",
);

/** An age: "23-year-old", "aged 23", "Smith, 23,". */
export const AGE =
  /\b\d{1,3}[-\s]years?[-\s]old\b|\baged?\s+\d{1,3}\b|\b(?:in\s+(?:his|her|their)\s+(?:early|mid|late)?\s*\d0s)\b|\p{Lu}\p{L}+,\s\d{1,3},/u;

/** A duration or length. */
export const DURATION = new RegExp(
  `(?:\\b(?:\\d[\\d,.]*|${NUMBER_WORDS}|a|an|few|several)\\s+(?:more\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|miles?|kilometres?|kilometers?|km|metres?|meters?|feet|foot)\\b|\\b(?:until|for)\\s+(?:about\\s+)?\\d)`,
  "iu",
);

const PLACE_NOUNS =
  "city|town|village|region|province|state|country|capital|home|house|street|road|avenue|highway|airport|" +
  "base|border|area|district|suburb|neighbourhood|neighborhood|site|compound|port|coast|island|mountains?|" +
  "hospital|school|prison|jail|camp|headquarters|office|building|station|square|park|court|embassy|" +
  "church|mosque|hotel|restaurant|bar|stadium|arena|venue|county|valley|river|lake|sea|desert|forest|set|studio";

const capitalised = (alternatives: string) =>
  alternatives
    .split("|")
    .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
    .join("|");

/**
 * A place: a preposition of place before a name or a place noun, a few modifiers allowed between
 * ("in a quiet north Leeds suburb", "near the harbour town of Kelby"); a possessive before a place noun
 * ("his family home").
 */
export const WHERE = new RegExp(
  `(?:\\bin\\s+(?:the\\s+)?(?:hands|custody|possession)\\s+of\\b|\\b(?:in|at|near|outside|inside|from|to|across|around|throughout|into|over|off|on|along)\\s+(?:the\\s+|a\\s+|an\\s+|his\\s+|her\\s+|their\\s+|its\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:(?!(?:${capitalised(DAYS)}|${capitalised(MONTHS)})\\b)\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+)*|(?:${PLACE_NOUNS})\\b)|\\b(?:his|her|their|its)\\s+(?:[\\p{L}-]+\\s+)?(?:${PLACE_NOUNS})\\b|\\b(?:${PLACE_NOUNS})\\s+of\\s+\\p{Lu}[\\p{L}'’.-]+)`,
  "u",
);

const PLACE_HEAD = new RegExp(
  `(?:\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+)*|\\b(?:${PLACE_NOUNS}|hands|custody|possession)\\b)(?=[\\s.,;:]*(?:of)?$)`,
  "u",
);

/** The places a sentence names: the name or place noun that ends each place phrase ("London", "home"). */
export function placesIn(sentence: string): string[] {
  return [...sentence.matchAll(new RegExp(WHERE.source, "gu"))].map(
    (m) => PLACE_HEAD.exec(m[0].trim())?.[0] ?? m[0],
  );
}

/** A reason: a causal connective. */
export const WHY =
  /\b(?:because|since|due to|owing to|as a result|after|so that|in order to|reason|caused?|blamed?|over)\b/iu;

/** A means or manner: "by filing a lawsuit", "through a defector", "using captured jets". */
export const HOW = /\b(?:by|through|via|using|after|with|from)\b/iu;

/** Names in a sentence: runs of capitalised words not at the sentence's start (titles and the like included). */
export function namesIn(sentence: string): string[] {
  const out: string[] = [];
  const re =
    /(?<=[\p{L}\p{N},;:)”"’'—-]\s+)\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+|de\s+|al\s+|bin\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;
  for (const m of sentence.matchAll(re)) out.push(m[0]);
  const first = /^[“"']?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+)/u.exec(sentence);
  if (first?.[1]) out.push(first[1]);
  return out;
}
