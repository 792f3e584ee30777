/**
 * Junk detection: finds the foreign blocks a scraper splices into an article (headline + teaser of
 * another story, advertising, "click here" boilerplate, image alt text and credits, embedded-tweet
 * boilerplate) so the digest can ignore them.
 *
 * Dropping a real paragraph is much worse than keeping junk, so every verdict needs either an
 * unmistakable boilerplate pattern on a short paragraph, or two independent signals agreeing: the
 * SHAPE of a spliced block (a title-like first line, a line break, then a teaser) and its LACK OF
 * COHESION with the rest of the article (it shares few terms, and no topical ones, with the story).
 */
import { contentTerms, words } from "./text.ts";

export interface JunkVerdict {
  junk: boolean;
  /** Present only when junk: a short human explanation. */
  reason?: string;
}

/** Per-paragraph evidence, exported for harnesses and tests. */
export interface JunkSignals {
  /**
   * Shape of a spliced "headline + teaser": "block" = title line, line break, prose in one paragraph;
   * "split" = a lone title paragraph and the prose paragraph after it (text without blank lines).
   */
  teaserShape: "block" | "split" | "none";
  /**
   * The line break may be mere layout, which weakens the "block" shape: the article looks
   * hard-wrapped, or the line after the break starts in lower case as if the sentence went on.
   */
  weakBreak: boolean;
  /**
   * Term overlap with the rest of the article, relative to how cohesive its real paragraphs are
   * (1 = typical); for a "split" teaser, of the title and prose paragraphs together.
   */
  cohesion: number;
  /** Distinct advertising cues found. */
  adCues: number;
  /** Name of the boilerplate pattern that matched, if any. */
  boilerplate?: string;
}

// A line that ends a sentence: final punctuation, possibly followed by closing quotes or brackets.
const SENTENCE_END = /[.!?…:;]["'”’)\]»]*$/u;

/**
 * Boilerplate a scraper picks up from the page around the story. Each pattern only applies to a
 * short paragraph (see BOILERPLATE_MAX_WORDS), where it is the whole point of the paragraph.
 */
const BOILERPLATE: ReadonlyArray<readonly [string, RegExp]> = [
  ["click here", /\b(?:click|tap) (?:here|to (?:watch|read|see|play|view))\b/i],
  // Link furniture: the phrase alone, or introducing a linked title ("Read more: ...").
  [
    "read more",
    /^(?:read more|related(?: articles?| stories| coverage| content)?|see also|more from [\w ]{1,30}|recommended(?: for you)?|continue reading|most popular|trending now|you may also like|don't miss)(?:\s*[:»>|—–-]|\W*$)/i,
  ],
  [
    "advertisement",
    /^(?:advertisement|advertising|sponsored(?: content| links?)?|paid content|ad feedback|story continues below(?: advertisement)?)\W*$/i,
  ],
  [
    "newsletter sign-up",
    /(?:^|\b(?:to|and|or)\s)(?:sign up|subscribe)\b.{0,60}\b(?:newsletters?|e-?mails?|inbox|alerts|updates|briefing)\b|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b/i,
  ],
  [
    "share buttons",
    /^(?:share this (?:story|article|page|post|video)|share (?:on|via) \w+|share:|follow us on|like us on facebook)/i,
  ],
  // Alt text has no sentence punctuation: "Breaking news logo".
  ["image alt text", /^(?:[\p{L}'’-]+ ){0,4}(?:logo|icon|thumbnail|avatar|banner)$/iu],
  // A credit line, not a caption: "Photo: Getty Images", "(AP Photo/Jane Doe)", "Image copyright Reuters".
  [
    "photo credit",
    /^\(?(?:(?:photo|image|picture|video|graphic|illustration)s?(?: (?:credit|caption|source))?|credit|(?:ap|afp|epa|reuters|file) photo)\s*(?::|\/|\bby\b|\bcourtesy\b|\bvia\b|\bcopyright\b|©|$)|^\(?[^.!?]{0,40}\b(?:getty images|shutterstock|ap photo|afp photo)\b[^.!?]{0,40}\)?$/iu,
  ],
  [
    "video placeholder",
    /^(?:(?:watch|video|play video|now playing)\s*(?:[:|»—–-]|$)|media playback is unsupported)/i,
  ],
];
const BOILERPLATE_MAX_WORDS = 16;

// Embedded tweets: the picture link and the "— Name (@handle) April 20, 2017" signature.
const TWEET_PIC = /\bpic\.twitter\.com\/\S+/gi;
const TWEET_SIGNATURE = /[—–-]\s*[^—–\n()]{0,60}\(@\w{1,15}\)\s+\w+ \d{1,2}, \d{4}/g;
// A bare domain is tried only from the start of its run of word characters and hyphens: tried from every
// position inside a long run ("a-a-a-..."), it would cost the square of the run's length.
const URL = /\bhttps?:\/\/\S+|(?<![\w-])[\w-]+\.(?:com|net|org|co|ly)\/\S*/gi;

/**
 * Advertising cues: the second-person sales pitch and the trading/offer vocabulary of ads, in
 * general English. One cue proves nothing (news covers markets too); several do.
 */
const AD_CUES: readonly RegExp[] = [
  /\bbrokers?\b/i,
  /\btrading (?:platforms?|accounts?|signals?|strateg(?:y|ies))\b/i,
  /\b(?:stop|limit) (?:and (?:stop|limit) )?orders?\b/i,
  /\bprofitable (?:orders?|trades?|trading)\b/i,
  /\b(?:limiting|minimi[sz]e|reduce) (?:the )?risks?\b/i,
  /\b(?:we|i) (?:do not |don't )?recommend\b/i,
  /\b(?:familiari[sz]\w* yourself|you like most|the one that you like|allowing you to)\b/i,
  /\b(?:buy now|order now|shop now|free trial|limited[- ]time offer|promo code|discount code|best price|free shipping)\b/i,
  /\b(?:earn|make) (?:money|\$\d[\d,]*) (?:from home|online|fast|a (?:day|week|month))\b/i,
  /\bshares (?:closed|rose|fell|ended|were up|were down)\b.{0,40}\b(?:percent|%)/i,
  /\b(?:sponsored|advertisement|advertorial)\b/i,
  /\binvest(?:ors?|ing|ments?)?\b.{0,60}\b(?:returns?|portfolio|dividends?)\b/i,
];

function lines(paragraph: string): string[] {
  return paragraph
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Short, unpunctuated at the end: reads as a headline (or a headline cut off by the scraper). */
function isTitleLine(line: string): boolean {
  if (line.length > 200) return false;
  const n = words(line).length;
  return n >= 2 && n <= 20 && !SENTENCE_END.test(line);
}

/** Reads as running text: enough words and a sentence ending. */
function isProse(text: string): boolean {
  return words(text).length >= 6 && SENTENCE_END.test(text);
}

/**
 * A title-like first line then prose: the shape of a spliced "headline + teaser" block. When the
 * article's line breaks are hard wrapping (wrapWidth > 0), a break after a full-width line is just
 * layout, so the title line must also be clearly shorter than the wrap width.
 */
function hasTeaserShape(paragraph: string, wrapWidth: number): boolean {
  if (!paragraph.includes("\n")) return false;
  const ls = lines(paragraph);
  const first = ls[0];
  if (first === undefined || ls.length < 2 || !isTitleLine(first)) return false;
  if (wrapWidth > 0 && first.length > 0.7 * wrapWidth) return false;
  // The rest must read as prose, not as a list of short unpunctuated items.
  const body = ls.slice(1);
  const bodyWords = body.reduce((n, l) => n + words(l).length, 0);
  return bodyWords >= 6 && body.every((l) => SENTENCE_END.test(l) || words(l).length >= 10);
}

/**
 * Line width when the article is hard-wrapped, else 0. Wrapped text has many multi-line paragraphs
 * and almost no line longer than a screen column; spliced blocks are few and carry long lines, so
 * they cannot make an article look wrapped on their own.
 */
function wrapWidthOf(paragraphs: string[]): number {
  const body = paragraphs.slice(1);
  const multi = body.filter((p) => lines(p).length >= 2);
  const all = body.flatMap(lines);
  if (multi.length < 4 || all.filter((l) => l.length > 100).length > 0.1 * all.length) return 0;
  const inner = multi
    .flatMap((p) =>
      lines(p)
        .slice(0, -1)
        .map((l) => l.length),
    )
    .sort((a, b) => a - b);
  return inner[Math.floor(0.9 * (inner.length - 1))] ?? 0;
}

function boilerplateOf(paragraph: string): string | undefined {
  // Embedded-tweet furniture: junk when, once removed, almost nothing of substance is left.
  if (!/pic\.twitter\.com|\(@\w/i.test(paragraph)) return boilerplateByPattern(paragraph);
  const stripped = paragraph.replace(TWEET_PIC, " ").replace(TWEET_SIGNATURE, " ").replace(URL, " ");
  if (stripped !== paragraph.replace(URL, " ") && contentTerms(stripped).length < 4) return "embedded tweet";
  return boilerplateByPattern(paragraph);
}

function boilerplateByPattern(paragraph: string): string | undefined {
  if (paragraph.length > 200 || words(paragraph).length > BOILERPLATE_MAX_WORDS) return undefined;
  for (const [name, pattern] of BOILERPLATE) if (pattern.test(paragraph)) return name;
  return undefined;
}

function countAdCues(paragraph: string): number {
  return AD_CUES.reduce((n, cue) => n + (cue.test(paragraph) ? 1 : 0), 0);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Cohesion of a block of paragraphs with the presumed-real rest of the article (the block itself left
 * out). A shared term weighs by how many other paragraphs carry it (the headline counts double), so a
 * teaser that shares one passing place name scores low while a real paragraph that repeats the
 * story's actors and events scores high. Averaged over the block's distinct terms.
 */
function cohesionModel(termSets: Set<string>[], core: boolean[]): (block: number[]) => number {
  const weight = (i: number): number => (core[i] ? (i === 0 ? 2 : 1) : 0);
  const df = new Map<string, number>();
  termSets.forEach((terms, i) => {
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + weight(i));
  });
  return (block) => {
    const terms = new Set<string>();
    for (const i of block) for (const t of termSets[i] ?? []) terms.add(t);
    if (terms.size === 0) return 0;
    let score = 0;
    for (const t of terms) {
      let own = 0;
      for (const i of block) if (termSets[i]?.has(t)) own += weight(i);
      score += Math.log2(1 + Math.max(0, (df.get(t) ?? 0) - own));
    }
    return score / terms.size;
  };
}

/** The evidence behind each verdict (see detectJunk). */
export function junkSignals(paragraphs: string[]): JunkSignals[] {
  const n = paragraphs.length;
  const termSets = paragraphs.map((p) => new Set(contentTerms(p)));
  const wrapWidth = wrapWidthOf(paragraphs);
  const block = paragraphs.map((p, i) => i > 0 && hasTeaserShape(p, wrapWidth));
  // The same block when the text had no blank lines: a lone title paragraph, then a prose paragraph.
  const single = (i: number): boolean => lines(paragraphs[i] ?? "").length === 1;
  const splitTitle = paragraphs.map(
    (p, i) =>
      i > 0 && i + 1 < n && single(i) && single(i + 1) && isTitleLine(p) && isProse(paragraphs[i + 1] ?? ""),
  );
  const splitBody = paragraphs.map((_, i) => i > 0 && (splitTitle[i - 1] ?? false));
  const boiler = paragraphs.map((p, i) => (i > 0 ? boilerplateOf(p) : undefined));
  const ads = paragraphs.map(countAdCues);
  // Presumed-real paragraphs define what the story is about.
  const core = paragraphs.map(
    (_, i) => !block[i] && !splitTitle[i] && !splitBody[i] && boiler[i] === undefined && (ads[i] ?? 0) < 2,
  );
  const cohesion = cohesionModel(termSets, core);
  const own = paragraphs.map((_, i) => cohesion([i]));
  const reference = median(own.filter((_, i) => i > 0 && core[i] && (termSets[i]?.size ?? 0) >= 4));
  const relative = (score: number): number => (reference > 0 ? score / reference : 1);
  return paragraphs.map((_, i) => {
    const pair = splitTitle[i] ? [i, i + 1] : splitBody[i] ? [i - 1, i] : undefined;
    const signals: JunkSignals = {
      teaserShape: block[i] ? "block" : pair ? "split" : "none",
      cohesion: relative(pair ? cohesion(pair) : (own[i] ?? 0)),
      adCues: ads[i] ?? 0,
      weakBreak: wrapWidth > 0 || /\n\s*\p{Ll}/u.test(paragraphs[i] ?? ""),
    };
    const b = boiler[i];
    if (b !== undefined) signals.boilerplate = b;
    return signals;
  });
}

// Highest relative cohesion at which a teaser-shaped block is still foreign. Real paragraphs sit
// around 1, spliced teasers mostly below 0.3. Stricter when the shape evidence is weaker: in
// hard-wrapped text, at a lower-case continuation, or for a title paragraph + prose paragraph pair
// (which a subheading and its section also form).
const TEASER_MAX_COHESION = { block: 0.7, weakBreak: 0.4, split: 0.35 } as const;

/** One verdict per paragraph, same order. Paragraph 0 (the headline) is never junk. */
export function detectJunk(paragraphs: string[]): JunkVerdict[] {
  return junkSignals(paragraphs).map((s, i): JunkVerdict => {
    if (i === 0) return { junk: false };
    if (s.boilerplate !== undefined) return { junk: true, reason: `boilerplate: '${s.boilerplate}'` };
    // Ad vocabulary: three cues, or two in a block shaped like a spliced one; never in a paragraph
    // as cohesive as the story's own (an article about trading uses the same words).
    if ((s.adCues >= 3 || (s.adCues >= 2 && s.teaserShape !== "none")) && s.cohesion < 1) {
      return { junk: true, reason: "advertising block" };
    }
    const limit =
      s.teaserShape === "block"
        ? s.weakBreak
          ? TEASER_MAX_COHESION.weakBreak
          : TEASER_MAX_COHESION.block
        : s.teaserShape === "split"
          ? TEASER_MAX_COHESION.split
          : -1;
    if (s.cohesion < limit)
      return { junk: true, reason: "unrelated teaser: shares almost no terms with the story" };
    return { junk: false };
  });
}
