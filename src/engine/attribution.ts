import {
  FINITE,
  headOf,
  leadingSourceStart,
  PLURAL_ONLY,
  pluralSubject,
  SOURCE_NOUN,
  sourceLooksValid,
  trimContent,
  trimSource,
  VERBS,
} from "./attribution-source.ts";

/**
 * Finds who said what in one sentence: the source phrase, the cue and the content, as offsets into the
 * sentence. Every speech verb in the sentence is tried both ways, source after the content
 * ("“C,” said S, a spokesman for X" / "C, S said on Twitter") and source before it ("S, a lawyer,
 * said (that) C"), besides "according to S", "C, per S", "C ― S" and "C was claimed by S". A sentence
 * can cite more than one source ("A said B told him that C"); the outer one, whose content holds the
 * other cues, comes first.
 */
export interface Range {
  start: number;
  end: number;
}

export interface Attribution {
  source: Range;
  cue: string;
  content: Range;
  /** "..., said S": the source follows the verb. */
  inverted?: boolean;
  /** "S told Time magazine C": whom S told, when it is named; a source of the report too. */
  recipient?: Range;
  /** The learned tagger's margin for its cue (rules leave it unset): how sure the reading is. */
  confidence?: number;
}

// "told CNN", "told The Associated Press", "told Time magazine": a named hearer right after the verb.
const NAMED_HEARER =
  /^\s+((?:[Tt]he\s+)?\p{Lu}[\p{L}.'’&-]*(?:\s+(?:\p{Lu}[\p{L}.'’&-]*|of|magazine|newspaper|radio|television|TV))*)(?=\s|,|$)/u;

// "cited witnesses who saw it", "citing anonymous medical sources in the city": whom a report rests on.
const CITED =
  /^\s+((?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.'’&-]*(?:\s+(?:\p{Lu}[\p{L}.'’&-]*|of))*|(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Ll}[\p{L}-]*s))(?=\s+(?:who|which|that|in|at|from|as|on)\b|\s*[,.;:]|$)/u;

/** The sources a report cites: "S cited witnesses who ...". Another source of the same statement. */
function withCited(s: string, a: Attribution): Attribution {
  if (!/^(?:cited|cites|citing|quoted|quoting)$/i.test(a.cue)) return a;
  const re = new RegExp(`\\b${a.cue}\\b`, "i");
  const at = s.slice(a.source.end).search(re);
  const verbEnd = at < 0 ? -1 : a.source.end + at + a.cue.length;
  const m = verbEnd < 0 ? null : CITED.exec(s.slice(verbEnd));
  if (!m?.[1]) return a;
  const start = verbEnd + m[0].length - m[1].length;
  return { ...a, recipient: { start, end: start + m[1].length } };
}

/** The named hearer of "told"/"tells": "Roe told Reuters that C". Its content then starts after it. */
function withRecipient(s: string, a: Attribution): Attribution {
  if (/^(?:cited|cites|citing|quoted|quoting)$/i.test(a.cue)) return withCited(s, a);
  if (a.inverted || !/^(?:told|tells|tell|has told|had told)$/i.test(a.cue)) return a;
  const at = s.slice(a.source.end).search(/\btol?d\b|\btells?\b/i);
  if (at < 0) return a;
  const verbEnd = a.source.end + at + (/^tells/i.test(s.slice(a.source.end + at)) ? 5 : 4);
  const m = NAMED_HEARER.exec(s.slice(verbEnd));
  // The hearer lies inside the content read after the verb, or after it when the content came first.
  const contentFirst = a.content.end <= a.source.start;
  if (!m?.[1] || (!contentFirst && verbEnd + m[0].length > a.content.end)) return a;
  const start = verbEnd + m[0].length - m[1].length;
  // A sentence's full stop is not part of the name ("told Reuters."), an abbreviation's is ("U.S.").
  const name = /(?:^|\s)[^\s.]+\.$/.test(m[1]) ? m[1].slice(0, -1) : m[1];
  const recipient = { start, end: start + name.length };
  const content = a.content.start < recipient.end ? trimContent(s, recipient.end, a.content.end) : a.content;
  return { ...a, recipient, content };
}

const OPEN_QUOTE = /^\s*(?:["“”]|'')/;

/** Offset just past the quotation that opens the sentence, if it opens with one and closes it. */
export function openingQuoteEnd(s: string): number {
  const open = OPEN_QUOTE.exec(s);
  if (!open) return -1;
  const mark = open[0].trim();
  const closer = mark === "''" ? /''/g : /["”]/g;
  closer.lastIndex = open[0].length;
  const close = closer.exec(s);
  return close ? close.index + close[0].length : -1;
}

// What may follow "S said" at the end of a sentence without being a new clause:
// "on Twitter", "in a statement Tuesday", "of the plan", "USA Today", ", adding that ...", ", “...”".
const TAIL_CONTINUES =
  /^\s*,?\s*(?:["“”]|''|(?:adding|saying|noting|arguing|explaining|warning|insisting|according|citing|referring|calling|pointing|who|which|while|before|after|as|when|in|at)\b)/i;

function tailIsAdjunct(tail: string): boolean {
  const t = tail.trim().replace(/[.!?]+$/, "");
  if (!t) return true;
  if (TAIL_CONTINUES.test(tail) && !/^\s*(?:in|at|as|when|after|before|while)\b/i.test(tail)) return true;
  if (t.length > 90 || /["“”]|''/.test(t)) return false;
  if (/^(?:that|he|she|they|it|we|i|you|there|this|these|those)\b/i.test(t)) return false;
  return !FINITE.test(t) && !/\b(?:that|because|if)\b/i.test(t);
}

/** "C, S said (adjunct)." / "“C,” S said." / "“C,” said S, a spokesman." */
function postposed(s: string, verbAt: number, verbEnd: number, verb: string): Attribution | null {
  const quoteEnd = openingQuoteEnd(s);
  const before = s.slice(0, verbAt);
  // The content ends at the closing quote, a comma or a dash just before the attribution.
  let boundary = -1;
  // "''Words'' of the plan, Smith said": words after the quote belong to the content up to the comma.
  const quoteRunsOn = quoteEnd > 0 && /^\s*\p{Ll}[^"“”]*,\s/u.test(s.slice(quoteEnd, verbAt));
  if (quoteEnd > 0 && quoteEnd <= verbAt && !/["“”]|''/.test(s.slice(quoteEnd, verbAt)) && !quoteRunsOn)
    boundary = quoteEnd;
  else {
    // A closing quote mark ends the content too: "... no choice,” said S" inside a longer quotation.
    const re = /(?:,|\s[—―–]|\s--|[?!])\s*(?:["”]|'')?\s*|(?:["”]|'')\s*/g;
    for (let m = re.exec(before); m; m = re.exec(before)) {
      const end = m.index + m[0].length;
      if (end <= verbAt) boundary = end;
    }
    if (boundary < 0) return null;
    // Walk back over appositives between the name and the verb.
    const start = leadingSourceStart(s, verbAt);
    if (start < boundary && start > 0) boundary = start;
  }
  if (boundary < 10) return null;
  const between = s.slice(boundary, verbAt);
  const after = s.slice(verbEnd);
  if (between.replace(/[\s,"”']+/g, "") === "") {
    // Verb first: "..., said Jane Roe, a lawyer for the family."
    const stop =
      /,\s*(?:["“”]|'')|[.!?]\s*(?:["“”]|'')|,\s*(?:adding|saying|noting|arguing|explaining|who\s+(?:is|was|has|had|added|said))\b|[.!?]?\s*$/i.exec(
        after,
      );
    const end = verbEnd + (stop ? stop.index : after.length);
    const src = trimSource(s, verbEnd, end);
    const phrase = s.slice(src.start, src.end);
    if (!sourceLooksValid(headOf(phrase)) || phrase.split(/\s+/).length > 40) return null;
    if (/^(?:that|to|by|on|in|the\s+\p{Ll}+\s+(?:is|was|would|will))\b/iu.test(phrase)) return null;
    return { source: src, cue: verb, content: contentBefore(s, boundary), inverted: true };
  }
  const src = trimSource(s, boundary, verbAt);
  const phrase = s.slice(src.start, src.end);
  if (!sourceLooksValid(headOf(phrase)) || phrase.split(/\s+/).length > 40) return null;
  if (PLURAL_ONLY.test(verb) && !pluralSubject(phrase)) return null;
  if (!tailIsAdjunct(after)) return null;
  return { source: src, cue: verb, content: contentBefore(s, boundary) };
}

function contentBefore(s: string, boundary: number): Range {
  const c = trimContent(s, 0, boundary);
  // Keep the closing quote mark inside the content when the quote ends there.
  return c;
}

/** "S said (that) C" / "S, a lawyer, told reporters on Tuesday that C". */
function preposed(
  s: string,
  verbAt: number,
  verbEnd: number,
  verb: string,
  minContent = 8,
): Attribution | null {
  const start = leadingSourceStart(s, verbAt);
  const src = trimSource(s, start, verbAt);
  const phrase = s.slice(src.start, src.end);
  if (!sourceLooksValid(headOf(phrase)) || phrase.split(/\s+/).length > 40) return null;
  if (PLURAL_ONLY.test(verb) && !pluralSubject(phrase)) return null;
  // Inside a quotation the words are the speaker's own ("“We said no,” she added").
  const lastOpen = Math.max(s.lastIndexOf("“", start), s.lastIndexOf("''", start));
  if (lastOpen >= 0 && lastOpen < start && s.indexOf("”", lastOpen) > verbAt) return null;
  const after = s.slice(verbEnd);
  // Content starts after an optional adverbial that ends in "that" ("said on TV that ...").
  const that = /^([^"“,.;]{0,60}?)\s+that\s/i.exec(after);
  const colon = /^\s*[:,]\s*/.exec(after);
  const skip = that ? that[0].length - 5 : colon ? colon[0].length : 0;
  const contentStart = verbEnd + skip;
  if (s.length - contentStart < minContent) return null;
  return { source: src, cue: verb, content: trimContent(s, contentStart, s.length) };
}

const SUBJECT =
  /^(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Ss]till|[Mm]eanwhile|[Ll]ater|[Ee]arlier)\s+)?((?:[Tt]he\s+|[Aa]n?\s+)?(?!(?:The|An?)\s)\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|of|for|and|&|de|the))*|(?:[Tt]he|[Aa]n?)\s+\p{Ll}+)\s+\p{Ll}/u;

function subjectAt(s: string, at: number): Range | null {
  const subject = SUBJECT.exec(s.slice(at));
  if (!subject?.[1]) return null;
  const start = at + subject[0].indexOf(subject[1]);
  const src = trimSource(s, start, start + subject[1].length);
  const phrase = s.slice(src.start, src.end);
  if (!sourceLooksValid(phrase) || (/^(?:the|a|an)\s+\p{Ll}+$/u.test(phrase) && !SOURCE_NOUN.test(phrase)))
    return null;
  // An opening participle or adverb is not the subject; after an opening phrase a capital is a name
  // ("Walking home, Ebeling said").
  const participial = at === 0 || /^\p{Ll}/u.test(phrase) ? /^\S+(?:ed|ing|ly)$/i : /^\S+ly$/i;
  if (participial.test(phrase) || /^\S+\s+(?:by|with|to|of|in)$/i.test(phrase)) return null;
  return src;
}

/** "S issued a statement on Monday, saying C": the participle's speaker is the sentence's subject. */
function participle(s: string, verbAt: number, verbEnd: number, verb: string): Attribution | null {
  // "X issued a statement saying that C": no comma is needed before "saying that" or a quotation.
  const bare =
    /^(?:saying|arguing|claiming|insisting|warning)$/i.test(verb) &&
    /^\s+(?:that\s|["“])/i.test(s.slice(verbEnd)) &&
    !/\b(?:without|by|for|of|about|from|it|he|she|they|we|i|you)\s+$/i.test(s.slice(0, verbAt)) &&
    !/^\s*(?:it|this|that|there)\s/i.test(s);
  if (!/,\s*$/.test(s.slice(0, verbAt)) && !bare) return null;
  // The subject opens the sentence, or follows an opening phrase ("Chastened by the polls, X ...").
  const intro = /^[^,]{3,60},\s+/.exec(s.slice(0, verbAt))?.[0].length ?? -1;
  // ... or two: "On Monday, however, X ...".
  const intro2 =
    /^[^,]{2,60},\s+(?:however|though|meanwhile|too|also|instead|then|still)\s*,\s+/i.exec(
      s.slice(0, verbAt),
    )?.[0].length ?? -1;
  const src = [0, intro, intro2].map((at) => (at < 0 ? null : subjectAt(s, at))).find((r) => r !== null);
  if (!src) return null;
  const content = trimContent(s, verbEnd, s.length);
  if (content.end - content.start < 8) return null;
  return { source: src, cue: verb, content };
}

/** "S resigned in May and said C": a second verb shares the sentence's subject. */
function coordinated(s: string, verbAt: number, verbEnd: number, verb: string): Attribution | null {
  const before = s.slice(0, verbAt);
  if (!/\S\s*,?\s+and\s+(?:\p{Ll}+ly\s+|also\s+|later\s+|then\s+|now\s+)?$/u.test(before)) return null;
  if (OPEN_QUOTE.test(before) || PLURAL_ONLY.test(verb)) return null;
  const intro = /^[^,]{3,60},\s+/.exec(before)?.[0].length ?? -1;
  const src = [0, intro].map((at) => (at < 0 ? null : subjectAt(s, at))).find((r) => r !== null);
  if (!src || src.end > verbAt) return null;
  // The subject's own verb follows it: "S resigned ... and said", not "S and Y said".
  if (
    !/^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|s)\b/u.test(s.slice(src.end, verbAt)) &&
    !/^\s+(?:has|had|was|is|went|took|made|gave|met|spoke|wrote|told|sent|came|ran|left|won|lost)\b/.test(
      s.slice(src.end, verbAt),
    )
  )
    return null;
  const after = s.slice(verbEnd);
  const that = /^([^"“,.;]{0,60}?)\s+that\s/i.exec(after);
  const colon = /^\s*[:,]\s*/.exec(after);
  const contentStart = verbEnd + (that ? that[0].length - 5 : colon ? colon[0].length : 0);
  const content = trimContent(s, contentStart, s.length);
  if (content.end - content.start < 8) return null;
  return { source: src, cue: verb, content };
}

/** "Said Jane Roe: “C”" / "Added Roe, “C”": the verb opens the sentence. */
function saidFirst(s: string): Attribution | null {
  const m =
    /^(Said|Added|Asked|Wrote)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*[:,]\s*(?=["“]|'')/u.exec(
      s,
    );
  if (!m?.[2] || s.length - m[0].length < 8) return null;
  const start = m[0].indexOf(m[2]);
  return {
    source: { start, end: start + m[2].length },
    cue: (m[1] ?? "said").toLowerCase(),
    content: trimContent(s, m[0].length, s.length),
  };
}

/** "Roe's claim that C", "the mayor's warning that C": the owner of a claim is its source. */
function possessiveClaim(s: string): Attribution | null {
  const m =
    /(?<![\p{L}])((?:[Tt]he\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})['’]s?\s+(?:\p{Ll}+\s+)?(?:claims?|assertions?|contention|insistence|allegations?|warnings?|promises?|suggestion)\s+that\s+/u.exec(
      s,
    );
  if (!m?.[1] || !sourceLooksValid(m[1]) || s.length - m.index - m[0].length < 8) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return {
    source: { start, end: start + m[1].length },
    cue: "claimed",
    content: trimContent(s, m.index + m[0].length, s.length),
  };
}

/**
 * After "according to" a noun phrase is what a report rests on even without a name or a determiner:
 * "new Crowdpac research", "early results of exit polls conducted by X". A clause or a pronoun is not.
 */
function citedNounPhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return (
    words.length <= 20 &&
    /^\p{L}/u.test(phrase) &&
    !FINITE.test(phrase) &&
    !/^(?:that|this|which|what|it|there|how|why|where|when|whether|whom?|plan|schedule)(?!\p{L})/iu.test(
      phrase,
    )
  );
}

function accordingTo(s: string): Attribution | null {
  const re = /\b(?:according to|in the words of|as (?:reported|quoted) by)\s+/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const from = m.index + m[0].length;
    const stop = /[,;]|\.(?:\s|$)|\s(?:which|who|that)\s|\s--\s|\s[—―–]\s|$/.exec(s.slice(from));
    const end = from + (stop?.index ?? s.length - from);
    const phrase = s.slice(from, end);
    if (!sourceLooksValid(phrase) && !/^(?:the|a|an)\s/i.test(phrase) && !citedNounPhrase(phrase)) continue;
    const source = trimSource(s, from, end);
    const rest = s.slice(end).replace(/^[\s,]+/, "");
    const leadIn = m.index < 45 && rest.length >= 8 && !/[,;]/.test(s.slice(0, m.index).replace(/,\s*$/, ""));
    const content = leadIn ? trimContent(s, end, s.length) : trimContent(s, 0, m.index);
    if (content.end - content.start < 8) continue;
    return { source, cue: "according to", content };
  }
  return null;
}

function trailingPer(s: string): Attribution | null {
  const m = /,\s+(?:per|as reported by|reports|reported by|via|citing)\s+([^,.;]{2,60})[.]?\s*$/i.exec(s);
  if (!m?.[1] || !sourceLooksValid(m[1])) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return {
    source: trimSource(s, start, start + m[1].length),
    cue: "per",
    content: trimContent(s, 0, m.index),
  };
}

/** A quotation signed with a dash: "“We stand together.” ― Jane Roe". */
function dashSigned(s: string): Attribution | null {
  const m = /(?:["”]|'')\s*[―—–-]{1,2}\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})[.,]?\s*$/u.exec(
    s,
  );
  if (!m?.[1] || m.index < 10) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return { source: { start, end: start + m[1].length }, cue: "―", content: trimContent(s, 0, m.index + 1) };
}

function passiveClaim(s: string): Attribution | null {
  const m =
    /\b(?:(?:was|were|is|are|has been|have been|had been)\s+(?:first\s+)?(?:claimed|reported|announced|confirmed|denied|revealed|disclosed)|(?:referred to|described|cited|quoted))\s+by\s+([^,.;]{2,60})/i.exec(
      s,
    );
  // The agent ends where an adjunct starts: "by former hostages as the Beatles", "by KBS on Tuesday".
  const raw = m?.[1]?.replace(/,?\s+(?:which|who|as|because|after|when|on|in|at|during|last|this)\b.*$/i, "");
  // After "by" a bare plural is an agent too: "by former hostages".
  if (!m?.[1] || !raw || !(sourceLooksValid(raw) || /^(?:\p{Ll}+\s+){0,2}\p{Ll}+s$/u.test(raw))) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return {
    source: trimSource(s, start, start + raw.length),
    cue: "claimed by",
    content: trimContent(s, 0, s.length),
  };
}

/**
 * "Local media named the driver as X", "Police identified the victim as Y": whoever gives the identity
 * is its source, and it is only as good as that source.
 */
function identifiedAs(s: string): Attribution | null {
  const m =
    /(?<![\p{L}-])(named|identified)\s+((?:the|a|an|his|her|their|its)\s+[^,.;]{1,40}?)\s+as\s+\S/iu.exec(s);
  if (!m?.[1]) return null;
  const src = trimSource(s, leadingSourceStart(s, m.index), m.index);
  const phrase = s.slice(src.start, src.end);
  if (!phrase || !sourceLooksValid(headOf(phrase)) || phrase.split(/\s+/).length > 12) return null;
  return { source: src, cue: m[1].toLowerCase(), content: trimContent(s, m.index + m[1].length, s.length) };
}

// Verb forms that are also plural nouns ("the reports", "health worries").
const NOUN_TOO =
  /^(?:worries|fears|hopes|calls|demands|promises|claims|reports|notes|shows|finds|estimates|posts|states|pledges|cites|proposes|denies|predicts)$/i;

/** "S, who ..., said": the verb is a relative clause's, not the sentence's. Also "to say", "would say". */
function verbIsUsable(s: string, at: number, verb: string): boolean {
  const before = s.slice(Math.max(0, at - 12), at);
  // Word starts by letter class, not \b: "García said" must not read as "a said" (í is no \w).
  if (/(?<!\p{L})(?:to|not|n't|never|didn't)\s*$/iu.test(before) && !/^(?:refused|declined)/i.test(verb))
    return false;
  // Nouns that look like verbs after a determiner: "the report", "a statement", "his claims".
  if (/(?<!\p{L})(?:the|a|an|his|her|their|its|this|that|these|those|such|of|new|recent)\s+$/iu.test(before))
    return false;
  // ... also with an adjective between: "its earlier report", "the initial statement".
  if (
    /(?<!\p{L})(?:the|a|an|his|her|their|its|this|that|these|those)\s+(?:earlier|previous|initial|first|latest|original|official|own|second|separate|new|recent|final)\s+$/iu.test(
      s.slice(Math.max(0, at - 30), at),
    )
  )
    return false;
  // ... or before an auxiliary: "health worries have grown", "the findings were".
  if (
    /^\s+(?:have|has|had|are|were|is|was|will|would)\b/i.test(s.slice(at + verb.length)) &&
    NOUN_TOO.test(verb)
  )
    return false;
  // "His group, called the X Fund,": a participle naming something.
  if (/^called$/i.test(verb) && /,\s*$/.test(before)) return false;
  return true;
}

/** Whether the offset falls between a "(" and its ")". */
function insideParentheses(s: string, at: number): boolean {
  const open = s.lastIndexOf("(", at);
  return open >= 0 && s.lastIndexOf(")", at) < open && s.indexOf(")", at) > at;
}

const VERB_RE = new RegExp(`(?<![\\p{L}-])(${VERBS})(?![\\p{L}-])`, "giu");

// "Jane Roe, who served as mayor until 2014," / "The group, which ...,": a subject with a relative clause.
const RELATIVE_SUBJECT =
  /^((?:[Tt]he\s+)?\p{Lu}[\p{L}.'’&-]*(?:\s+(?:\p{Lu}[\p{L}.'’&-]*|of|for|the|and))*|(?:[Tt]he|[Aa]n?)\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Ll}[\p{L}-]*),\s+(?:who|which)\s/u;

/**
 * "Jane Roe, who served as mayor until 2014, said C": the speaker is the subject before the relative
 * clause, and the verb is the first cue set off by the comma that closes the clause.
 */
function relativeSubject(s: string): Attribution | null {
  const m = RELATIVE_SUBJECT.exec(s);
  if (!m?.[1] || !sourceLooksValid(m[1])) return null;
  VERB_RE.lastIndex = m[0].length;
  for (let v = VERB_RE.exec(s); v; v = VERB_RE.exec(s)) {
    const verb = v[1] ?? "said";
    if (!/^\p{Ll}/u.test(verb) || /ing$/i.test(verb)) continue;
    // The clause closes with a comma, then at most an adverb or two before the verb.
    if (!/,\s+(?:\p{Ll}+ly\s+|also\s+|later\s+|then\s+)?$/u.test(s.slice(m[0].length, v.index))) continue;
    const end = v.index + verb.length;
    const that = /^\s+that\s/i.exec(s.slice(end));
    const content = trimContent(s, end + (that ? that[0].length : 0), s.length);
    VERB_RE.lastIndex = 0;
    if (content.end - content.start < 8) return null;
    return { source: { start: 0, end: m[1].length }, cue: verb.toLowerCase(), content };
  }
  VERB_RE.lastIndex = 0;
  return null;
}

/** All attributions in a sentence, the outermost first. */
export function findAttributions(s: string): Attribution[] {
  const relative = relativeSubject(s);
  if (relative) {
    // The reading that takes the words after the verb for its speaker ("..., said C") is then wrong.
    const others = ruledAttributions(s).filter(
      (a) => !(a.inverted && a.source.start < relative.content.end && relative.content.start < a.source.end),
    );
    return [relative, ...others.filter((a) => a.source.start >= relative.content.start)];
  }
  return ruledAttributions(s);
}

function ruledAttributions(s: string): Attribution[] {
  const found: Attribution[] = [];
  const push = (found1: Attribution | null) => {
    if (!found1 || found1.source.end <= found1.source.start) return;
    const a = withRecipient(s, found1);
    if (found.some((f) => f.source.start < a.source.end && a.source.start < f.source.end)) return;
    found.push(a);
  };
  push(accordingTo(s));
  push(trailingPer(s));
  push(dashSigned(s));
  const words = s.split(/\s+/);
  const titleCase =
    words.length >= 4 &&
    !/[.!?]["”']?\s+\p{Lu}/u.test(s) &&
    words.filter((w) => /^["“‘']?\p{Lu}/u.test(w)).length >= words.length * 0.7;
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(s); m; m = VERB_RE.exec(s)) {
    const verb = m[1] ?? "said";
    const at = m.index;
    // Lower case only: "Says" opening a headline or "Report" as a title is not a cue, except in a
    // title-case headline: "Smith Says Talks Will Resume".
    if ((!/^\p{Ll}/u.test(verb) && !(titleCase && /^Say|^Said$/.test(verb))) || !verbIsUsable(s, at, verb))
      continue;
    // "Jane Roe (who a blog says was there) said": an aside in parentheses is not the sentence's frame.
    if (insideParentheses(s, at)) continue;
    const end = at + verb.length;
    if (/ing$/i.test(verb)) {
      // "S is warning that C": a progressive tense reads like the simple one.
      const aux = /\b(?:is|are|was|were)\s+(?:also\s+|now\s+|again\s+|still\s+)?$/i.exec(s.slice(0, at));
      if (aux && !/n['’]t\s/.test(s.slice(aux.index, at))) push(preposed(s, aux.index, end, verb));
      else push(participle(s, at, end, verb));
      continue;
    }
    const pre = preposed(s, at, end, verb);
    const post = postposed(s, at, end, verb);
    if (!pre && !post) {
      push(coordinated(s, at, end, verb));
      continue;
    }
    // Prefer the reading that leaves the words after the verb as an adjunct ("said on Twitter").
    push(post && (!pre || (!post.inverted && tailIsAdjunct(s.slice(end)))) ? post : (pre ?? post));
  }
  push(passiveClaim(s));
  push(identifiedAs(s));
  push(saidFirst(s));
  push(possessiveClaim(s));
  if (found.length < 2) return found;
  // The outer attribution is the one whose content holds the other cues.
  const holds = (a: Attribution) =>
    found.filter((b) => b !== a && b.source.start >= a.content.start && b.source.end <= a.content.end).length;
  // When each holds the other ("A claimed B, reports C"), the sentence-final frame is the outer one.
  return [...found].sort(
    (a, b) =>
      holds(b) - holds(a) ||
      (holds(a) > 0 ? b.source.start - a.source.start : a.source.start - b.source.start),
  );
}

export function findAttribution(sentence: string): Attribution | null {
  return findAttributions(sentence)[0] ?? null;
}

/**
 * A speaker label opening a paragraph, as in transcripts and headlines: "SMITH: We will not..." or
 * "Poll: Voters ...". Returns the name and where the words begin.
 */
export function speakerLabel(text: string): { source: Range; content: Range } | null {
  const m = /^(["“]?\s*)(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}):\s+(?=\S)/u.exec(text);
  if (!m?.[2]) return null;
  const name = m[2];
  if (
    /^(?:update|updated|note|editor'?s? note|photo|video|watch|read|related|source|sources|warning|breaking|correction|caption|image|credit|listen|see|more|subscribe|advertisement|q|a|by|from|to|date|tags?|share|click)$/i.test(
      name,
    )
  )
    return null;
  const start = m[1]?.length ?? 0;
  return { source: { start, end: start + name.length }, content: { start: m[0].length, end: text.length } };
}

/** "Smith continued:" / "The Times reports:" closing a paragraph: the speaker of what follows. */
export function quoteIntro(sentence: string): Attribution | null {
  const m = /^(.*\S)\s*:\s*$/su.exec(sentence);
  if (!m?.[1]) return null;
  const body = m[1];
  VERB_RE.lastIndex = 0;
  let last: Attribution | null = null;
  for (let v = VERB_RE.exec(body); v; v = VERB_RE.exec(body)) {
    const verb = v[1] ?? "said";
    if (!/^\p{Ll}/u.test(verb) || /ing$/.test(verb)) continue;
    // Only adverbs and a short adjunct may stand between the verb and the colon.
    if (!tailIsAdjunct(body.slice(v.index + verb.length))) continue;
    last = preposed(body, v.index, v.index + verb.length, verb, 0) ?? last;
  }
  VERB_RE.lastIndex = 0;
  return last;
}
