/**
 * The linguistic layer: tokens with offsets, a coarse part of speech and an entity type, for any part
 * of the project that reads English text (the digest's attribution tagger, claim checks, answers).
 * It is a small rule tagger on purpose: one pass over the characters, a few set look-ups per token, so
 * it costs a fraction of what a library tagger does (see README, "Linguistic layer").
 */
import { z } from "zod";

export const PosSchema = z.enum([
  "PUNCT",
  "NUM",
  "DET",
  "PRON",
  "ADP",
  "CCONJ",
  "SCONJ",
  "AUX",
  "PART",
  "ADV",
  "ADJ",
  "VERB",
  "PROPN",
  "NOUN",
]);
export type Pos = z.infer<typeof PosSchema>;

export const EntitySchema = z.enum(["PERSON", "ORG", "DATE", "TIME", "CARDINAL", "NONE"]);
export type Entity = z.infer<typeof EntitySchema>;

export interface Token {
  text: string;
  start: number;
  end: number;
  lower: string;
  pos: Pos;
  entity: Entity;
  /** Inside quotation marks. */
  quoted: boolean;
}

const set = (words: string) => new Set(words.split(" "));
const CLOSED: [Pos, Set<string>][] = [
  [
    "DET",
    set("the a an this that these those its his her their our my your some any no every each all both"),
  ],
  ["PRON", set("he she they it we i you him them us me who whom whose which what himself herself itself")],
  [
    "ADP",
    set(
      "of to in on at by for with from into onto over under about after before against between through during without within among per via like than",
    ),
  ],
  ["CCONJ", set("and or but nor yet so")],
  ["SCONJ", set("that if because while although though whether when where since unless until as once")],
  [
    "AUX",
    set(
      "is are was were be been being am has have had do does did will would shall should can could may might must",
    ),
  ],
  ["PART", set("not n't never 's ’s")],
];
const CLOSED_POS = new Map<string, Pos>();
for (const [pos, words] of CLOSED) for (const w of words) if (!CLOSED_POS.has(w)) CLOSED_POS.set(w, pos);

const MONTH_OR_DAY = set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow",
);
const TITLE = set(
  "mr mrs ms dr sen rep gov gen col lt sgt capt prof president senator governor mayor judge minister secretary chairman chairwoman spokesman spokeswoman chief director officer lawyer attorney",
);
const ORG_WORD = set(
  "department ministry committee council party agency office bureau commission court university institute center centre foundation association union group company corporation inc corp news times post journal press network service house board campaign administration police army government senate congress bank club church school college hospital channel magazine tribune herald gazette media radio television",
);

const SENTENCE_OPENERS = new Set([".", "!", "?", ":", ";", '"', "“", "”"]);

// Word characters, or one mark of punctuation ("--" and "''" count as one).
const TOKEN =
  /\p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}])?\.?|--|''|[^\s\p{L}\p{N}]/gu;

function shapeOf(word: string): string {
  let out = "";
  let last = "";
  for (let i = 0; i < word.length && out.length < 6; i++) {
    const code = word.charCodeAt(i);
    const ch = word[i] ?? "";
    const kind =
      code >= 65 && code <= 90
        ? "X"
        : code >= 97 && code <= 122
          ? "x"
          : code >= 48 && code <= 57
            ? "d"
            : code < 128
              ? ch
              : isUpper(ch)
                ? "X"
                : ch.toUpperCase() !== ch
                  ? "x"
                  : ch;
    if (kind !== last || (kind !== "X" && kind !== "x" && kind !== "d")) out += kind;
    last = kind;
  }
  return out;
}

/** "Xx", "x", "X.", "d": the spelling pattern of a word, runs collapsed. */
export const shape = shapeOf;

const isUpper = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isDigit = (c: string) => c >= "0" && c <= "9";
const ADJ_SUFFIX = /(?:ous|ful|ive|able|ible|al|ic|ish|less)$/;

function tagOne(word: string, lower: string, first: boolean): Pos {
  const c = word[0] ?? "";
  if (word.length === 1 && !/[\p{L}\p{N}]/u.test(c)) return "PUNCT";
  if (word === "--" || word === "''") return "PUNCT";
  if (isDigit(c) && /^\d[\d,.:]*$/.test(word)) return "NUM";
  const bare = lower.endsWith(".") ? lower.slice(0, -1) : lower;
  const closed = CLOSED_POS.get(bare);
  const capital = isUpper(c);
  if (closed && (!capital || first || closed === "PRON" || closed === "DET")) return closed;
  if (capital && (!first || MONTH_OR_DAY.has(bare) || TITLE.has(bare))) return "PROPN";
  const n = bare.length;
  if (n > 4 && bare.endsWith("ly")) return "ADV";
  if (n > 4 && (bare.endsWith("ed") || bare.endsWith("ing"))) return "VERB";
  // A capital opening the sentence: a name unless it reads as a plural noun ("Democrats", "Officials").
  if (capital) return n > 3 && bare.endsWith("s") && !bare.endsWith("ss") ? "NOUN" : "PROPN";
  if (n > 5 && ADJ_SUFFIX.test(bare)) return "ADJ";
  return "NOUN";
}

const bareOf = (t: Token) => (t.lower.endsWith(".") ? t.lower.slice(0, -1) : t.lower);

function simpleEntity(tokens: Token[], i: number, t: Token): Entity {
  const bare = bareOf(t);
  if (t.pos === "NUM") {
    if (/^\d{1,2}(?::\d\d)?$/.test(bare) && /^(?:a\.m|p\.m|am$|pm$)/.test(tokens[i + 1]?.lower ?? ""))
      return "TIME";
    if (/^\d{1,2}:\d\d$/.test(bare)) return "TIME";
    return /^(?:1[89]|20)\d\d$/.test(bare) ? "DATE" : "CARDINAL";
  }
  if (bare === "a.m" || bare === "p.m") return "TIME";
  if (MONTH_OR_DAY.has(bare) && (t.pos === "PROPN" || /^(?:today|yesterday|tomorrow)$/.test(bare)))
    return "DATE";
  return "NONE";
}

/**
 * Entity types in one pass: numbers, dates and times word by word; a run of proper nouns is a body
 * when it holds an organisation word, else a person when a title or a first-and-last-name pattern marks it.
 */
function markEntities(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== "PROPN") {
      t.entity = simpleEntity(tokens, i, t);
      continue;
    }
    let b = i;
    while (tokens[b + 1]?.pos === "PROPN") b++;
    const run = tokens.slice(i, b + 1);
    const words = run.map(bareOf);
    const before = tokens[i - 1];
    let entity: Entity = "NONE";
    if (words.every((w) => MONTH_OR_DAY.has(w))) entity = "DATE";
    else if (words.some((w) => ORG_WORD.has(w))) entity = "ORG";
    else if (run.length >= 2 || (before && TITLE.has(bareOf(before))) || TITLE.has(words[0] ?? ""))
      entity = "PERSON";
    for (const r of run) r.entity = entity;
    i = b;
  }
}

/** Tokens of a text (a sentence or a paragraph) with offsets into it. Linear in the text's length. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let quoted = false;
  let first = true;
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const start = m.index ?? 0;
    const lower = word.toLowerCase();
    const mark = word === '"' || word === "“" || word === "”" || word === "''";
    if (mark) quoted = word === "“" ? true : word === "”" ? false : !quoted;
    // A sentence-final period glued to a word is its own token unless the word is an abbreviation.
    const glued =
      word.length > 4 &&
      word.endsWith(".") &&
      !word.slice(0, -1).includes(".") &&
      !TITLE.has(lower.slice(0, -1));
    const w = glued ? word.slice(0, -1) : word;
    const wLower = glued ? lower.slice(0, -1) : lower;
    tokens.push({
      text: w,
      start,
      end: start + w.length,
      lower: wLower,
      pos: tagOne(w, wLower, first),
      entity: "NONE",
      quoted: quoted && !mark,
    });
    if (glued) tokens.push(punct(".", start + w.length));
    first = SENTENCE_OPENERS.has(tokens.at(-1)?.text ?? "");
  }
  markEntities(tokens);
  return tokens;
}

function punct(text: string, start: number): Token {
  return { text, start, end: start + text.length, lower: text, pos: "PUNCT", entity: "NONE", quoted: false };
}
