import { SPEECH_VERBS } from "./lexicon.ts";

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
}

const VERBS = [...SPEECH_VERBS, "refused", "declined", "would not say", "did not say"]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, "\\s+"))
  .join("|");

// Nouns that can stand alone as a source even without a capital letter.
const SOURCE_NOUN =
  /\b(police|officials?|authorities|spokes(?:man|woman|person)|ministry|minister|government|prosecutors?|witness(?:es)?|sources?|union|agency|officers?|residents?|observers?|experts?|analysts?|investigators?|president|officer|report|statement|group|organi[sz]ation|company|campaign|department|office|council|army|military|leaders?|lawmakers?|senators?|members?|aides?|representatives?|critics?|supporters?|opponents?|advocates?|economists?|scientists?|researchers?|poll|polls|survey|study|data|documents?|letter|memo|he|she|they|i|we|it)\b/i;

// Words that never head a speaker: pronouns of things, conjunctions, relatives and questions.
const NOT_A_SOURCE =
  /^(that|this|which|what|whom?|whose|it is|there|here|when|as|if|because|so|then|than|how|why|where|while|to|of|in|on|at|for|with|by|and|or|but|not|no|nothing|everything|everyone|anyone|someone|you)\b/i;

// A finite verb inside a phrase means a clause, not a name ("the bill was passed").
const FINITE =
  /\b(is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|do|does|did)\b/i;

const MAX_SOURCE_WORDS = 14;
const DETERMINER =
  /^(the|a|an|this|that|these|those|its|his|her|their|our|another|other|one|two|three|several|some|many|most|both|all|each|top|senior)\s/i;

/** The head of a source phrase (before any appositive) can be a speaker. */
export function sourceLooksValid(phrase: string): boolean {
  const trimmed = phrase.trim().replace(/^(?:but|and|yet|so|still|now|meanwhile|also|even)\s+/i, "");
  if (!trimmed || trimmed.split(/\s+/).length > MAX_SOURCE_WORDS) return false;
  if (NOT_A_SOURCE.test(trimmed)) return false;
  if (/["“”]|''/.test(trimmed)) return false;
  // "The attacks were claimed": an auxiliary before the verb means a passive, not a speaker.
  if (/\b(was|were|is|are|be|been|being|would|will|not|to|that|which|who|whom)$/i.test(trimmed)) return false;
  if (FINITE.test(trimmed) && !/^(he|she|they|it|i|we)$/i.test(trimmed)) return false;
  if (SOURCE_NOUN.test(trimmed)) return true;
  if (titledName(trimmed)) return true;
  // "advisers to the President", "lawyers for Jane Roe": a plural noun and whom it serves.
  if (
    /^\p{Ll}[\p{L}-]*s\s+(?:of|to|for|at|from|with|close\s+to)\s+(?:the\s+\p{Ll}|(?:the\s+)?\p{Lu})/u.test(
      trimmed,
    ) &&
    trimmed.split(/\s+/).length <= 8
  )
    return !/^(?:this|its|was|has|is|as|us|thus|yes|does|goes|seems|remains|means)\s/i.test(trimmed);
  // A capital that only starts the sentence does not make a name.
  if (/\p{Lu}/u.test(trimmed.slice(1)))
    return /^[\p{Lu}\p{N}]|^(?:the|a|an)\s/u.test(trimmed) || DETERMINER.test(trimmed);
  if (/^\p{Lu}/u.test(trimmed) && !DETERMINER.test(trimmed) && trimmed.split(/\s+/).length <= 4) return true;
  // A short determiner-led noun phrase ("the mayor", "the bank") or a bare plural ("critics").
  if (DETERMINER.test(trimmed) && trimmed.split(/\s+/).length <= 5) return !/(?:ly|ing)$/i.test(trimmed);
  return /^[a-z-]+s$/i.test(trimmed) && !/^(this|its|was|has|is|as|us|thus|yes)$/i.test(trimmed);
}

/** A name after its lower-case title: "longtime pollster Jane Roe", "panel Chairman Rep. John Doe (R-Utah)". */
function titledName(phrase: string): boolean {
  const m =
    /^((?:[\p{L}'’.-]+\s+){0,5}?)\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]+(?:\s*\([^()]{1,30}\)?)?$/u.exec(
      phrase,
    );
  if (!m) return false;
  const lead = m[1] ?? "";
  return (
    !FINITE.test(lead) &&
    !/\b(?:and|or|but|that|which|who|when|after|before|while|because|if|as|than|to|by|with|in|on|at|from|for|not|no|so|then)\s/i.test(
      lead,
    ) &&
    !/^\S+(?:ly|ing)\s/i.test(lead)
  );
}

/** The appositive-free head of a source phrase: "Phil Smith" in "Phil Smith, a spokesman for X". */
function headOf(phrase: string): string {
  const chunks = phrase.split(/,\s*|\s+(?:--|[—―–])\s+/);
  return (
    chunks.find((c) => /\p{Lu}/u.test(c) && !/^(?:[Aa]n?|[Tt]he)\s+\p{Ll}/u.test(c)) ?? chunks[0] ?? phrase
  );
}

// Descriptions set off by commas after a name: "a lawyer", "the director of X", "59", "of Ashton, Md.",
// "who lives nearby", "speaking to reporters", "director of X".
const APPOSITIVE =
  /^(?:\p{Lu}[\p{L}.-]*['’]s\s+\p{Ll}|(?:a|an|the|who|which|whose|one|another|now|then|himself|herself|speaking|writing|appearing|\d+)\b|of\s|from\s|\p{Ll}|(?:\p{Lu}[\p{L}.'’-]*\s+)*(?:director|president|chairman|chairwoman|chair|head|spokes(?:man|woman|person)|professor|editor|founder|executive|leader|chief|secretary|governor|senator|mayor|ceo)\b)/u;

const trimSource = (s: string, start: number, end: number): Range => {
  let a = start;
  let b = end;
  while (a < b && /[\s,"“”'‘’(—―–-]/.test(s[a] ?? "")) a++;
  while (b > a && /[\s,.;:"“”'‘’)—―–-]/.test(s[b - 1] ?? "")) b--;
  const lead = /^(?:but|and|yet|so|still|meanwhile|also|now|later|even)\s+/i.exec(s.slice(a, b));
  if (lead) a += lead[0].length;
  // Drop adverbs between the source and the cue ("X also said", "X later told").
  const tail =
    /\s+(also|later|earlier|previously|then|had|has|have|now|once|further|again|first|repeatedly|recently|often|publicly|privately|separately|similarly|likewise|simply|flatly|quickly|himself|herself|themselves|itself|has\s+long|has\s+also|have\s+also|has\s+repeatedly|\p{Ll}+ly)$/iu;
  for (let m = tail.exec(s.slice(a, b)); m; m = tail.exec(s.slice(a, b))) b -= m[0].length;
  return { start: a, end: b };
};

const trimContent = (s: string, start: number, end: number): Range => {
  let a = start;
  let b = end;
  while (a < b && /[\s,:;—―–-]/.test(s[a] ?? "")) a++;
  if (/^that\s/i.test(s.slice(a, b))) a += 5;
  while (b > a && /[\s,.;:—―–-]/.test(s[b - 1] ?? "")) b--;
  return { start: a, end: b };
};

const CLAUSE_CUT =
  /(?:,\s+|;\s+|:\s+|["“”]\s*|''\s*|\s[—―–]\s*|\s--\s*|\b(?:and|but|while|as|after|because|when|where|though|although|since|if|whereas|before|until|so)\s+)/giu;

/**
 * Where the source phrase before a verb begins: after the last clause boundary, then back over
 * appositives ("Richard Roe, director of the X institute, said"), at most three of them.
 */
const CUE_CUT = new RegExp(`(?<![\\p{L}-])(?:${VERBS})\\s+(?:that\\s+)?`, "giu");

/** "and" at `at` joins two noun phrases: "Jane Roe and John Doe", "a lawyer and an activist". */
function coordinatesNouns(
  before: string,
  prevCut: { at: number; comma: boolean; dash?: boolean } | undefined,
  at: number,
  after: number,
): boolean {
  const left = before
    .slice(prevCut?.at ?? 0, at)
    .replace(/,\s*$/, "")
    .trim();
  const rest = before.slice(after);
  const right = (/^[^,;:"“”]*/.exec(rest)?.[0] ?? "").trim();
  if (!left || !right || FINITE.test(right) || /^(?:he|she|they|it|we|i|you|there|this|that)\b/i.test(right))
    return false;
  // Both sides names: "Mr. Roe and Mr. Doe", "Both Roe and Doe".
  if (NAME_LIKE.test(left.replace(/^(?:both|either)\s+/i, "")) && /^\p{Lu}/u.test(right)) return true;
  // "Experts on X and Y said": the second noun completes a prepositional phrase.
  if (
    /^(?:\S+\s+){1,3}?(?:on|in|of|for|from|at|around|across)\s/i.test(
      left.replace(/^(?:but|and|yet|so|even)\s+/i, ""),
    ) &&
    right.split(/\s+/).length <= 5 &&
    !FINITE.test(left) &&
    sourceLooksValid(left)
  )
    return true;
  // Inside an appositive set off by a comma: ", a lawyer and spokeswoman for X,".
  return (
    prevCut?.comma === true &&
    APPOSITIVE.test(left) &&
    (!FINITE.test(left) || /^(?:who|which|whose)\b/i.test(left)) &&
    left.split(/\s+/).length <= 12
  );
}

function leadingSourceStart(s: string, verbAt: number): number {
  const before = s.slice(0, verbAt);
  const cuts: { at: number; comma: boolean; dash?: boolean }[] = [{ at: 0, comma: false }];
  CLAUSE_CUT.lastIndex = 0;
  for (let m = CLAUSE_CUT.exec(before); m; m = CLAUSE_CUT.exec(before)) {
    // "Jane Roe and John Doe said", "a lawyer and spokeswoman for X, said": a coordinated noun
    // phrase is one source, not two clauses.
    if (/^(?:and|&)\s/i.test(m[0]) && coordinatesNouns(before, cuts.at(-1), m.index, m.index + m[0].length))
      continue;
    // Dashes set off an appositive as commas do ("Roe -- a lawyer for X -- said"), but not after a
    // dateline ("WASHINGTON -- ").
    const dash =
      /^\s(?:[—―–]|--)/.test(m[0]) && !/(?:^|\s)[\p{Lu}\p{N}.,\s-]{3,}$/u.test(before.slice(0, m.index));
    cuts.push({ at: m.index + m[0].length, comma: m[0].startsWith(",") || dash, dash });
  }
  // A reported clause starts after its own cue: "Officials said the governor told them ...".
  const cue = new RegExp(CUE_CUT);
  for (let m = cue.exec(before); m; m = cue.exec(before))
    cuts.push({ at: m.index + m[0].length, comma: false });
  cuts.sort((a, b) => a.at - b.at);
  const segment = (k: number) =>
    before
      .slice(cuts[k]?.at ?? 0, cuts[k + 1]?.at ?? verbAt)
      .replace(/(?:,|\s*[—―–]|\s*--)\s*$/, "")
      .trim();
  let i = cuts.length - 1;
  // "Jane Roe, a lawyer, said": the comma just before the verb closes an appositive.
  const closing = i > 0 && segment(i) === "" && cuts[i]?.comma === true;
  if (closing) i--;
  // "Roe -- a lawyer, who ... -- said": the dashes enclose the appositive; the head stands before them.
  if (closing && cuts[i + 1]?.dash) {
    for (let j = i; j > 0; j--) {
      if (!cuts[j]?.dash) continue;
      if (sourceLooksValid(headOf(segment(j - 1)))) i = j - 1;
      break;
    }
  }
  for (let k = i, steps = 0; k > 0 && steps < 3; k--, steps++) {
    const seg = segment(k);
    if (!cuts[k]?.comma || (!APPOSITIVE.test(seg) && !NAME_LIKE.test(seg))) break;
    const head = segment(k - 1);
    // One of the two must be a name: "Jane Roe, a lawyer," or "the campaign's chairman, Jane Roe,".
    const nounHead = DETERMINER.test(head) && !FINITE.test(head) && !NOT_A_SOURCE.test(head);
    if (
      (sourceLooksValid(head) || (nounHead && NAME_LIKE.test(seg))) &&
      head.split(/\s+/).length <= 8 &&
      (NAME_LIKE.test(head) || titledName(head) || (NAME_LIKE.test(seg) && DETERMINER.test(head)))
    ) {
      i = k - 1;
      // "Roe -- co-editor of The Book, a history -- said": a bare name before a titled phrase heads it.
      const name = segment(k - 2);
      if (
        k > 1 &&
        !NAME_LIKE.test(head) &&
        /^\p{Ll}/u.test(head) &&
        cuts[k - 1]?.comma &&
        NAME_LIKE.test(name) &&
        name.split(/\s+/).length <= 4 &&
        sourceLooksValid(name)
      )
        i = k - 2;
      break;
    }
    if (!APPOSITIVE.test(head)) break;
  }
  if (closing && i === cuts.length - 2) return cuts.at(-1)?.at ?? 0;
  return cuts[i]?.at ?? 0;
}

// Capitalised words, with the small words names and bodies contain: "Officials at Homeland Security".
const NAME_LIKE =
  /^\p{Lu}[\p{L}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|of|for|at|the|and|&|de|da|van|von|al|bin|le|la|[\p{Lu}\p{L}]+['’]s))*$/u;

// Present-tense forms that only plural or first/second-person subjects take ("critics say", "polls show").
const PLURAL_ONLY =
  /^(?:say|tell|report|state|announce|write|claim|deny|warn|insist|explain|note|urge|argue|believe|think|suggest|estimate|predict|agree|contend|show|want)$/i;
const pluralSubject = (phrase: string) => {
  if (/^(?:i|we|they|you)$/i.test(phrase) || /\b(?:and|&)\b/i.test(phrase)) return true;
  // The head noun stands before any prepositional phrase: "advisers to the president".
  const head = headOf(phrase).split(/\s+(?:of|to|for|at|in|from|with|on|close)\s+/i)[0] ?? "";
  if (/^(?:those|many|some|several|both|others|few|most)\b/i.test(head)) return true;
  return /s$/i.test(head.replace(/[,.]$/, "")) && !/['’]s$/i.test(head);
};

const OPEN_QUOTE = /^\s*(?:["“”]|'')/;

/** Offset just past the quotation that opens the sentence, if it opens with one and closes it. */
function openingQuoteEnd(s: string): number {
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
  // An opening participle or adverb is not the subject.
  if (/^\S+(?:ed|ing|ly)$/i.test(phrase) || /^\S+\s+(?:by|with|to|of|in)$/i.test(phrase)) return null;
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

function accordingTo(s: string): Attribution | null {
  const re = /\b(?:according to|in the words of|as (?:reported|quoted) by)\s+/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const from = m.index + m[0].length;
    const stop = /[,;]|\.(?:\s|$)|\s(?:which|who|that)\s|\s--\s|\s[—―–]\s|$/.exec(s.slice(from));
    const end = from + (stop?.index ?? s.length - from);
    const phrase = s.slice(from, end);
    if (!sourceLooksValid(phrase) && !/^(?:the|a|an)\s/i.test(phrase)) continue;
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
    /\b(?:was|were|has been|have been)\s+(?:claimed|reported|announced|confirmed|denied)\s+by\s+([^,.;]{2,60})/i.exec(
      s,
    );
  if (!m?.[1] || !sourceLooksValid(m[1])) return null;
  const raw = m[1].replace(/,?\s+(?:which|who)\b.*$/i, "");
  const start = m.index + m[0].indexOf(m[1]);
  return {
    source: trimSource(s, start, start + raw.length),
    cue: "claimed by",
    content: trimContent(s, 0, s.length),
  };
}

// Verb forms that are also plural nouns ("the reports", "health worries").
const NOUN_TOO =
  /^(?:worries|fears|hopes|calls|demands|promises|claims|reports|notes|shows|finds|estimates|posts|states|pledges|cites|proposes|denies|predicts)$/i;

/** "S, who ..., said": the verb is a relative clause's, not the sentence's. Also "to say", "would say". */
function verbIsUsable(s: string, at: number, verb: string): boolean {
  const before = s.slice(Math.max(0, at - 12), at);
  if (/\b(?:to|not|n't|never|didn't)\s*$/i.test(before) && !/^(?:refused|declined)/i.test(verb)) return false;
  // Nouns that look like verbs after a determiner: "the report", "a statement", "his claims".
  if (/\b(?:the|a|an|his|her|their|its|this|that|these|those|such|of|new|recent)\s+$/i.test(before))
    return false;
  // ... also with an adjective between: "its earlier report", "the initial statement".
  if (
    /\b(?:the|a|an|his|her|their|its|this|that|these|those)\s+(?:earlier|previous|initial|first|latest|original|official|own|second|separate|new|recent|final)\s+$/i.test(
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

const VERB_RE = new RegExp(`(?<![\\p{L}-])(${VERBS})(?![\\p{L}-])`, "giu");

/** All attributions in a sentence, the outermost first. */
export function findAttributions(s: string): Attribution[] {
  const found: Attribution[] = [];
  const push = (a: Attribution | null) => {
    if (!a || a.source.end <= a.source.start) return;
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
