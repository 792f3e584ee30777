import type { SourceKind } from "../digest/schema.ts";
import { kindFromText } from "./source-phrase.ts";

/**
 * What the article itself says its people and bodies are, wherever it says it: "Republican presidential
 * candidate Jane Roe" in the lead tells who "Roe" is when she is later quoted by surname alone;
 * "John Doe, who lives nearby," makes him a witness. Read once per article, linear in its length.
 */

// A run of capitalised words: a name, possibly with a title ("Sen. Jane Roe", "House Speaker Jo Bloggs").
const NAME_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin))*/gu;
// The words before a name, back to the previous punctuation: "Republican presidential candidate".
const BEFORE = /((?:[\p{L}'’.-]+\s+){0,6})$/u;
// Words that end a title going backwards: the name is an object or the end of another phrase then
// ("police arrested John Doe", "identified the man as John Doe"), not described.
const NOT_A_TITLE =
  /^(?:the|a|an|as|by|to|for|with|and|or|but|that|which|who|whom|after|before|when|at|in|on|from|against|including|than|said|says|told|tells|is|was|are|were|be|been|has|have|had|named|called|[a-z]+ed)$/i;

/** "Republican presidential candidate" from "... the Republican presidential candidate ": the title run. */
function titleBefore(words: string): string {
  const tokens = words.trim().split(/\s+/).filter(Boolean);
  let start = tokens.length;
  while (start > 0 && !NOT_A_TITLE.test(tokens[start - 1] ?? "")) start--;
  return tokens.slice(start).join(" ");
}
// An appositive after it: ", a top adviser to the candidate," / ", who lives nearby,".
// "who said ..." tells what someone did, not what they are: only "who is/was/lives/works ..." describes.
const APPOSITIVE =
  /^,\s+((?:an?|the|now|former|then|who\s+(?:is|was|has\s+been|had\s+been|serves|served|lives|lived|works|worked|heads|headed|leads|led|runs|ran))\s[^,.;:()"“”]{2,90})/i;

const keyOf = (name: string): string =>
  (name.trim().split(/\s+/).at(-1) ?? "")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[.,]$/, "");

// Capitalised words that open sentences rather than name anyone.
const STOP_KEY =
  /^(?:the|a|an|and|but|in|on|at|it|he|she|they|we|i|this|that|these|those|there|his|her|their|its|mr|mrs|ms|dr)$/;

/** A run stops at a sentence's end: "Steve Linick. The action" is "Steve Linick". Initials do not end it. */
function sentenceEnd(run: string): string {
  const tokens = run.split(/\s+/);
  const stop = tokens.findIndex((t, i) => i < tokens.length - 1 && /\p{L}{4,}\.$/u.test(t));
  return stop < 0 ? run : tokens.slice(0, stop + 1).join(" ");
}

/** Kinds by the surname or last word of a name; looked up, not listed. */
export interface Descriptions {
  get(key: string): SourceKind | undefined;
}

interface Mention {
  text: string;
  index: number;
  run: string;
  whole: boolean;
}

/**
 * Kinds by surname or last word of a name, from the first description the article gives it: the lead
 * says what someone is now ("presidential candidate Jane Roe"); later titles are often former ones.
 * Names are indexed in one pass; a description is read only for a name the digest asks about.
 */
export function describedKinds(paragraphs: readonly string[]): Descriptions {
  const mentions = new Map<string, Mention[]>();
  for (const text of paragraphs) {
    NAME_RUN.lastIndex = 0;
    for (let m = NAME_RUN.exec(text); m; m = NAME_RUN.exec(text)) {
      const run = sentenceEnd(m[0]);
      const key = keyOf(run);
      if (key.length < 3 || STOP_KEY.test(key)) continue;
      const list = mentions.get(key) ?? [];
      list.push({ text, index: m.index, run, whole: run === m[0] });
      mentions.set(key, list);
    }
  }
  const memo = new Map<string, SourceKind | undefined>();
  return {
    get(key: string): SourceKind | undefined {
      if (!memo.has(key)) memo.set(key, firstDescribedKind(mentions.get(key) ?? []));
      return memo.get(key);
    },
  };
}

function firstDescribedKind(mentions: readonly Mention[]): SourceKind | undefined {
  for (const { text, index, run, whole } of mentions) {
    const before = titleBefore(BEFORE.exec(text.slice(Math.max(0, index - 80), index))?.[1] ?? "");
    const end = index + run.length;
    const after = whole ? (APPOSITIVE.exec(text.slice(end, end + 120))?.[1] ?? "") : "";
    // The title inside the run counts ("President", "Sen. Jane"); the name's last word alone does not.
    const titled = run.split(/\s+/).slice(0, -1).join(" ");
    // "the Roe campaign", "Roe's presidential campaign": one who runs a campaign stands for office.
    if (
      /^(?:['’]s)?\s+(?:(?:presidential|re-?election|senate|mayoral|gubernatorial)\s+)?campaign\b/i.test(
        text.slice(end, end + 40),
      )
    )
      return "politician";
    const description = `${before} ${titled} ${after}`.trim();
    if (!description) continue;
    const kind = kindFromText(description);
    if (kind !== "other") return kind;
  }
  return undefined;
}

/** The kind the article's descriptions give one of a source's names, if any. */
export function describedKindOf(names: Iterable<string>, kinds: Descriptions): SourceKind | undefined {
  for (const name of names) {
    if (!/^\p{Lu}/u.test(name)) continue;
    const kind = kinds.get(keyOf(name));
    if (kind) return kind;
  }
  return undefined;
}

// One who speaks for someone: "Clinton spokesman", "an aide to the senator", "adviser to Roe".
const SPEAKS_FOR = /\b(?:spokes(?:man|woman|person)|press secretary|aides?|advis[eo]rs?)\b/i;

/**
 * A spokesperson takes the kind of whom they speak for when the article names that principal: a
 * candidate's spokesman speaks for a campaign, not for a government.
 */
export function principalKind(role: string, kinds: Descriptions): SourceKind | undefined {
  if (!SPEAKS_FOR.test(role)) return undefined;
  for (const word of role.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []) {
    const kind = kinds.get(keyOf(word));
    if (kind === "politician") return kind;
  }
  return undefined;
}
