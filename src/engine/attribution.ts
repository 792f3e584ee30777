import { SPEECH_VERBS } from "./lexicon.ts";

/**
 * Finds who said what in one sentence: the source phrase, the cue and the content, as offsets into the
 * sentence. Patterns, in order: "According to S, C" / "C, according to S"; "C, per S"; "C, S said" /
 * "C, said S"; "S said (that) C"; "C was claimed by S".
 */
export interface Attribution {
  source: { start: number; end: number };
  cue: string;
  content: { start: number; end: number };
}

const VERBS = [...SPEECH_VERBS, "refused", "declined", "would not say", "did not say"]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, "\\s+"))
  .join("|");

// Nouns that can stand alone as a source even without a capital letter.
const SOURCE_NOUN =
  /\b(police|officials?|authorities|spokes(?:man|woman|person)|ministry|minister|government|prosecutors?|witness(?:es)?|sources?|union|agency|officers?|residents?|observers?|experts?|analysts?|investigators?|president|officer|report|statement|group|organi[sz]ation|company|campaign|department|office|council|army|military|leaders?|lawmakers?|senators?|members?|aides?|representatives?|he|she|they|i|we|it)\b/i;

const MAX_SOURCE_WORDS = 14;

function sourceLooksValid(phrase: string): boolean {
  const trimmed = phrase.trim();
  if (!trimmed || trimmed.split(/\s+/).length > MAX_SOURCE_WORDS) return false;
  if (/^(that|this|which|what|it is|there|when|as|if|because)\b/i.test(trimmed)) return false;
  if (/["“”]/.test(trimmed)) return false;
  // "The attacks were claimed": an auxiliary before the verb means a passive, not a speaker.
  if (/\b(was|were|is|are|be|been|being|would|will|not)$/i.test(trimmed)) return false;
  // A capital that only starts the sentence does not make a name.
  const capitalised = /\p{Lu}/u.test(trimmed.slice(1)) || !/^(The|A|An|This|That|These|Those|Some|Many|Most)\b/.test(trimmed);
  return (capitalised && /\p{Lu}/u.test(trimmed)) || SOURCE_NOUN.test(trimmed);
}

/** The source phrase is the last clause before the verb: after a comma, "and", "but" or a quote. */
function leadingSourceStart(sentence: string, verbAt: number): number {
  const before = sentence.slice(0, verbAt);
  let cut = 0;
  const re = /(?:,\s+|;\s+|:\s+|["”]\s*|\b(?:and|but|while|as|after|because|when|where)\s+)/g;
  for (let m = re.exec(before); m; m = re.exec(before)) cut = m.index + m[0].length;
  return cut;
}

const trimSource = (s: string, start: number, end: number) => {
  let a = start;
  let b = end;
  while (a < b && /[\s,"“”'‘’(]/.test(s[a] ?? "")) a++;
  while (b > a && /[\s,.;:"“”'‘’)]/.test(s[b - 1] ?? "")) b--;
  // Drop adverbs between the source and the cue ("X also said", "X later told").
  const tail = /\s+(also|later|earlier|previously|then|had|has|have|now|once|further|again|first|repeatedly)$/i;
  for (let m = tail.exec(s.slice(a, b)); m; m = tail.exec(s.slice(a, b))) b -= m[0].length;
  return { start: a, end: b };
};

const trimContent = (s: string, start: number, end: number) => {
  let a = start;
  let b = end;
  while (a < b && /[\s,:;]/.test(s[a] ?? "")) a++;
  if (/^that\s/i.test(s.slice(a, b))) a += 5;
  while (b > a && /[\s,.;:]/.test(s[b - 1] ?? "")) b--;
  return { start: a, end: b };
};

export function findAttribution(sentence: string): Attribution | null {
  return (
    accordingTo(sentence) ??
    trailingPer(sentence) ??
    trailingCue(sentence) ??
    passiveClaim(sentence) ??
    leadingCue(sentence)
  );
}

function accordingTo(s: string): Attribution | null {
  const lead = /^(?:[^,]{0,40},\s*)?according to ([^,]{2,80}),\s*/i.exec(s);
  if (lead?.[1] && sourceLooksValid(lead[1])) {
    const start = lead[0].indexOf(lead[1]) + (lead.index ?? 0);
    return {
      source: trimSource(s, start, start + lead[1].length),
      cue: "according to",
      content: trimContent(s, lead[0].length, s.length),
    };
  }
  const tail = /,?\s+according to ([^,.;]{2,80})[.,;]?\s*$/i.exec(s);
  if (tail?.[1] && sourceLooksValid(tail[1])) {
    const start = tail.index + tail[0].indexOf(tail[1]);
    return {
      source: trimSource(s, start, start + tail[1].length),
      cue: "according to",
      content: trimContent(s, 0, tail.index),
    };
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

const TRAIL_SOURCE_THEN_VERB = new RegExp(
  `([,"”?!]\\s*|—\\s*)([^,"“”]{1,90}?)\\s+(${VERBS})\\b([^,"“”]{0,60})(?:,\\s*(?:who|which)[^.]*)?[.!]?\\s*$`,
  "i",
);
const TRAIL_VERB_THEN_SOURCE = new RegExp(
  `([,"”?!]\\s*|—\\s*)(${VERBS})\\s+([^"“”]{1,120}?)[.!]?\\s*$`,
  "i",
);

function trailingCue(s: string): Attribution | null {
  const a = TRAIL_SOURCE_THEN_VERB.exec(s);
  if (a?.[2] && a[3] && sourceLooksValid(a[2]) && a.index > 10) {
    const start = a.index + (a[1]?.length ?? 0);
    return {
      source: trimSource(s, start, start + a[2].length),
      cue: a[3],
      content: trimContent(s, 0, a.index + (a[1]?.trim() === "," ? 0 : 1)),
    };
  }
  const b = TRAIL_VERB_THEN_SOURCE.exec(s);
  if (b?.[3] && b[2] && sourceLooksValid(b[3]) && b.index > 10) {
    const sourceText = b[3].replace(/,\s*(?:who|which|a|an|the)\b.*$/i, "");
    const start = b.index + b[0].indexOf(b[3], (b[1]?.length ?? 0) + b[2].length);
    return {
      source: trimSource(s, start, start + sourceText.length),
      cue: b[2],
      content: trimContent(s, 0, b.index + (b[1]?.trim() === "," ? 0 : 1)),
    };
  }
  return null;
}

const LEAD_VERB = new RegExp(`\\s(${VERBS})\\b`, "gi");

function leadingCue(s: string): Attribution | null {
  for (let m = LEAD_VERB.exec(s); m; m = LEAD_VERB.exec(s)) {
    const verbAt = m.index + 1;
    const sourceStart = leadingSourceStart(s, verbAt);
    const phrase = s.slice(sourceStart, verbAt);
    if (!sourceLooksValid(phrase)) continue;
    const after = s.slice(verbAt + (m[1]?.length ?? 0));
    // Content starts after an optional adverbial that ends in "that" ("said on TV that ...").
    const that = /^([^"“,.;]{0,60}?)\s+that\s/i.exec(after);
    const colon = /^\s*[:,]\s*/.exec(after);
    const skip = that ? that[0].length - 5 : colon ? colon[0].length : 0;
    const contentStart = verbAt + (m[1]?.length ?? 0) + skip;
    if (s.length - contentStart < 8) continue;
    LEAD_VERB.lastIndex = 0;
    return {
      source: trimSource(s, sourceStart, verbAt),
      cue: m[1] ?? "said",
      content: trimContent(s, contentStart, s.length),
    };
  }
  LEAD_VERB.lastIndex = 0;
  return null;
}

function passiveClaim(s: string): Attribution | null {
  const m = /\b(?:was|were|has been|have been)\s+(?:claimed|reported|announced|confirmed|denied)\s+by\s+([^,.;]{2,60})/i.exec(s);
  if (!m?.[1] || !sourceLooksValid(m[1])) return null;
  const raw = m[1].replace(/,?\s+(?:which|who)\b.*$/i, "");
  const start = m.index + m[0].indexOf(m[1]);
  return {
    source: trimSource(s, start, start + raw.length),
    cue: "claimed by",
    content: trimContent(s, 0, s.length),
  };
}
