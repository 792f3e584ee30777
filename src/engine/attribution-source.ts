import { tokenize } from "../nlp/tokens.ts";
import type { Range } from "./attribution.ts";
import { SPEECH_VERBS } from "./lexicon.ts";

/** Source phrases: whether a phrase can be a speaker, where it starts and ends, and the speech verbs. */
export const VERBS = [...SPEECH_VERBS, "refused", "declined", "would not say", "did not say"]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, "\\s+"))
  .join("|");

// Nouns that can stand alone as a source even without a capital letter.
export const SOURCE_NOUN =
  /\b(police|officials?|authorities|spokes(?:man|woman|person)|ministry|minister|government|prosecutors?|witness(?:es)?|sources?|union|agency|officers?|residents?|observers?|experts?|analysts?|investigators?|president|officer|report|statement|group|organi[sz]ation|company|campaign|department|office|council|army|military|leaders?|lawmakers?|senators?|members?|aides?|representatives?|critics?|supporters?|opponents?|advocates?|economists?|scientists?|researchers?|poll|polls|survey|study|data|documents?|letter|memo|he|she|they|i|we|it)\b/i;

// Words that never head a speaker: pronouns of things, conjunctions, relatives and questions.
const NOT_A_SOURCE =
  /^(that|this|which|what|whom?|whose|it is|there|here|when|as|if|because|so|then|than|how|why|where|while|to|of|in|on|at|for|with|by|and|or|but|not|no|nothing|everything|everyone|anyone|someone|you)\b/i;

// A finite verb inside a phrase means a clause, not a name ("the bill was passed").
export const FINITE =
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
  if (DETERMINER.test(trimmed) && trimmed.split(/\s+/).length <= 5)
    return !/(?:ly|ing)$/i.test(trimmed) || DETERMINER_OR_PREPOSITION.test(trimmed.replace(/\s+\S+$/, ""));
  return /^[a-z-]+s$/i.test(trimmed) && !/^(this|its|was|has|is|as|us|thus|yes)$/i.test(trimmed);
}

/**
 * A name after its lower-case title: "longtime pollster Jane Roe", "panel Chairman Rep. John Doe (R-Utah)",
 * also with the place it is from: "former Gov. Jane Roe of Utah".
 */
function titledName(phrase: string): boolean {
  const m =
    /^((?:[\p{L}'’.-]+\s+){0,5}?)\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]+(?:\s*\([^()]{1,30}\)?|\s+of\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,3})?$/u.exec(
      phrase.trim(),
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
export function headOf(phrase: string): string {
  // "The state officials whose laws were struck down": a relative clause is not part of the head.
  const relative = /\s(?:who|whose|which)\s/.exec(phrase);
  if (relative && relative.index > 0 && !/,/.test(phrase.slice(0, relative.index)))
    return headOf(phrase.slice(0, relative.index));
  const chunks = phrase.split(/,\s*|\s+(?:--|[—―–])\s+/);
  return (
    chunks.find((c) => /\p{Lu}/u.test(c) && !/^(?:[Aa]n?|[Tt]he)\s+\p{Ll}/u.test(c)) ?? chunks[0] ?? phrase
  );
}

// Descriptions set off by commas after a name: "a lawyer", "the director of X", "59", "of Ashton, Md.",
// "who lives nearby", "speaking to reporters", "director of X".
const APPOSITIVE =
  /^(?:\p{Lu}[\p{L}.-]*['’]s\s+\p{Ll}|(?:a|an|the|who|which|whose|one|another|now|then|himself|herself|speaking|writing|appearing|\d+)\b|of\s|from\s|\p{Ll}|(?:\p{Lu}[\p{L}.'’-]*\s+)*(?:director|president|chairman|chairwoman|chair|head|spokes(?:man|woman|person)|professor|editor|founder|executive|leader|chief|secretary|governor|senator|mayor|ceo)\b)/u;

const DETERMINER_OR_PREPOSITION =
  /(?:^|\s)(?:the|a|an|his|her|their|its|our|my|your|this|that|of|for|to|with|from|by)$/i;

export const trimSource = (s: string, start: number, end: number): Range => {
  let a = start;
  let b = end;
  while (a < b && /[\s,"“”'‘’(—―–-]/.test(s[a] ?? "")) a++;
  while (b > a && /[\s,.;:"“”'‘’)—―–-]/.test(s[b - 1] ?? "")) b--;
  const lead = /^(?:but|and|yet|so|still|meanwhile|also|now|later|even)\s+/i.exec(s.slice(a, b));
  if (lead) a += lead[0].length;
  // Drop adverbs between the source and the cue ("X also said", "X later told").
  const tail =
    /\s+(also|later|earlier|previously|then|had|has|have|now|once|further|again|first|repeatedly|recently|often|publicly|privately|separately|similarly|likewise|simply|flatly|quickly|himself|herself|themselves|itself|has\s+long|has\s+also|have\s+also|has\s+repeatedly|\p{Ll}+ly)$/iu;
  for (let m = tail.exec(s.slice(a, b)); m; m = tail.exec(s.slice(a, b))) {
    // "for the family", "a key ally": after a determiner or preposition an "-ly" word is a noun.
    if (/ly$/i.test(m[0]) && DETERMINER_OR_PREPOSITION.test(s.slice(a, b - m[0].length))) break;
    b -= m[0].length;
  }
  return { start: a, end: b };
};

export const trimContent = (s: string, start: number, end: number): Range => {
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

// Both readings of a speech verb (source before it, source after it) ask for the same start: the last
// answer is kept, so each verb scans the sentence once.
let lastStart: { s: string; verbAt: number; start: number } | undefined;

export function leadingSourceStart(s: string, verbAt: number): number {
  if (lastStart?.s === s && lastStart.verbAt === verbAt) return lastStart.start;
  const start = scanSourceStart(s, verbAt);
  lastStart = { s, verbAt, start };
  return start;
}

function scanSourceStart(s: string, verbAt: number): number {
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
export const PLURAL_ONLY =
  /^(?:say|tell|report|state|announce|write|claim|deny|warn|insist|explain|note|urge|argue|believe|think|suggest|estimate|predict|agree|contend|show|want)$/i;
export const pluralSubject = (phrase: string) => {
  if (/^(?:i|we|they|you)$/i.test(phrase) || /\b(?:and|&)\b/i.test(phrase)) return true;
  // The head noun stands before any prepositional phrase: "advisers to the president".
  const head = headOf(phrase).split(/\s+(?:of|to|for|at|in|from|with|on|close)\s+/i)[0] ?? "";
  if (/^(?:those|many|some|several|both|others|few|most)\b/i.test(head)) return true;
  return /s$/i.test(head.replace(/[,.]$/, "")) && !/['’]s$/i.test(head);
};

// Words that open or link sentences, label page furniture or stand for a number: never a speaker alone.
const NOT_A_SPEAKER = new Set(
  (
    "however still also meanwhile moreover indeed instead besides nevertheless nonetheless furthermore " +
    "latest update updated breaking video photo photos watch read related exclusive opinion analysis editorial " +
    "some many most few several others other one two three as so then now here there yes no"
  ).split(" "),
);

/**
 * A phrase that cannot be a speaker: a connective ("However", "Also"), a determiner or number alone
 * ("Some", "two"), a date or time ("Friday", "10:30 a.m."), a dash, or words with no noun at all.
 */
export function isFragmentSource(phrase: string): boolean {
  const tokens = tokenize(phrase).filter((t) => t.pos !== "PUNCT");
  if (tokens.length === 0) return true;
  if (tokens.some((t) => t.entity === "TIME")) return true;
  const content = tokens.filter(
    (t) => !NOT_A_SPEAKER.has(t.lower) && !/^(?:DET|ADP|CCONJ|SCONJ|ADV|PART)$/.test(t.pos),
  );
  if (content.length === 0) return true;
  if (content.every((t) => t.entity === "DATE" || t.entity === "CARDINAL" || t.pos === "NUM")) return true;
  return !content.some((t) => /^(?:NOUN|PROPN|PRON)$/.test(t.pos) || surnameLikeVerb(t.text));
}

const SPEECH_WORDS = new Set(SPEECH_VERBS.map((v) => v.toLowerCase()));

/**
 * "Husted", "Reed", "Ebeling": a capitalised word the tagger reads as a past tense or participle is a
 * name unless it is a cue (a speaker's place holds a noun phrase, not a participle).
 */
function surnameLikeVerb(word: string): boolean {
  return (
    /^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(word) &&
    !SPEECH_WORDS.has(word.toLowerCase()) &&
    !/^(?:Asked|Added|Pressed|Reached|Contacted|Based|Located|Founded|Called|Named|Dubbed)$/.test(word)
  );
}

/** Length of the fragments opening a source phrase before a comma: "Still, ", "On Friday, ", "However, ". */
export function leadingFragmentLength(phrase: string): number {
  let at = 0;
  for (let m = /^([^,]{1,30}),\s*/.exec(phrase); m?.[1]; m = /^([^,]{1,30}),\s*/.exec(phrase.slice(at))) {
    if (!isFragmentSource(m[1]) || at + m[0].length >= phrase.length) break;
    at += m[0].length;
  }
  return at;
}
