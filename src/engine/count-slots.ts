/**
 * Counts an account gives for the slots a story is about: how many attackers, how many dead, hurt,
 * held or missing, how many cases. Two accounts that give different counts for one slot conflict.
 * Counts of anything else ("two years", "12 of the 19 emails") are not slots: they differ between
 * facts, not between accounts.
 */
import { NUMBER_WORD_VALUES } from "../nlp/numbers.ts";

// Number words by value, plus the words an account counts with: "no", "a single", "lone", "several".
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ...NUMBER_WORD_VALUES,
  no: 0,
  single: 1,
  lone: 1,
  dozen: 12,
  several: 3,
  multiple: 2,
};

// Who carries out an attack: a count of these is a slot on its own.
const PERPETRATOR =
  /^(?:attacker|assailant|gunm[ae]n|shooter|bomber|perpetrator|hijacker|stabber|killer|intruder|raider)s?$/i;
// Counts that are themselves a toll: "five deaths", "two cases".
const TOLL =
  /^(?:deaths?|dead|fatalit(?:y|ies)|casualt(?:y|ies)|victims?|injur(?:y|ies)|cases?|infections?)$/i;
// People, counted: a slot only together with what happened to them ("three people were killed").
const PEOPLE =
  /^(?:people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|officers?|policem[ae]n|soldiers?|civilians?|passengers?|workers?|students?|residents?|tourists?|troops|staff|employees|miners|patients|pilgrims|migrants|fighters|hostages|suspects?|others)$/i;

const OUTCOMES: [string, RegExp][] = [
  ["dead", /\b(?:killed|dead|died|die|dying|death|fatally|lost their lives|slain|murdered)\b/i],
  ["hurt", /\b(?:injured|wounded|hurt|hospitali[sz]ed|injuries)\b/i],
  ["held", /\b(?:arrested|detained|held|in custody|captured|taken hostage|kidnapped|abducted)\b/i],
  ["missing", /\b(?:missing|unaccounted)\b/i],
];

export interface CountSlot {
  /** What is counted: "perpetrator", "dead", "case", ... */
  slot: string;
  count: number;
  /** "at least two": a floor, consistent with any larger count. */
  atLeast: boolean;
}

const COUNT =
  /\b(at least|more than|as many as|up to|nearly|almost|about|around|some)?\s*\b(no|zero|one|a single|single|lone|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozen|twenty|several|multiple|\d{1,3}(?:,\d{3})*)\s+([\p{L}#-]+(?:\s+[\p{L}#-]+){0,2})/giu;

/** The slot counts one account gives: "at least two attackers", "three people were killed", "no cases". */
export function countSlots(text: string): CountSlot[] {
  const out: CountSlot[] = [];
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
    const raw = (m[2] ?? "").toLowerCase().replace(/^a\s+/, "");
    const count = NUMBER_WORDS[raw] ?? Number(raw.replace(/,/g, ""));
    // Continue right after the number: the words read here may hold the next count.
    const wordsAt = m.index + m[0].length - (m[3] ?? "").length;
    COUNT.lastIndex = wordsAt;
    if (!Number.isFinite(count)) continue;
    // The counted noun is one of the next three words: "two attackers", "2 confirmed cases".
    const words = (m[3] ?? "").split(/\s+/);
    const at = words.findIndex((w) => PERPETRATOR.test(w) || TOLL.test(w) || PEOPLE.test(w));
    const noun = (words[at] ?? "").toLowerCase();
    // "one of the attackers", "one is dead": not a count of the noun.
    if (at < 0 || words.slice(0, at).some((w) => /^(?:of|is|was|are|were)$/i.test(w))) continue;
    const after =
      text
        .slice(wordsAt)
        .split(/\s+/)
        .slice(at + 1)
        .join(" ")
        .slice(0, 60)
        .split(/[.;]/)[0] ?? "";
    let slot: string | undefined;
    if (PERPETRATOR.test(noun)) slot = "perpetrator";
    else if (TOLL.test(noun)) slot = tollSlot(noun, after);
    else slot = nearestOutcome(after);
    if (!slot) continue;
    out.push({ slot, count, atLeast: /^(?:at least|more than|as many as)$/i.test(m[1] ?? "") });
  }
  // "no one was killed", "nobody was hurt".
  const none = /\b(?:no one|nobody|none)\b\s+(?:was|were|has been|had been|is)?\s*([^.;]{0,40})/i.exec(text);
  if (none) {
    const slot = nearestOutcome(none[1] ?? "");
    if (slot) out.push({ slot, count: 0, atLeast: false });
  }
  return out;
}

/** What happened to the people counted: the outcome word closest after the count. */
function nearestOutcome(after: string): string | undefined {
  let best: { slot: string; at: number } | undefined;
  for (const [slot, re] of OUTCOMES) {
    const at = after.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { slot, at };
  }
  return best?.slot;
}

function tollSlot(noun: string, after: string): string {
  if (/^(?:deaths?|dead|fatalit)/i.test(noun)) return "dead";
  if (/^injur/i.test(noun)) return "hurt";
  if (/^(?:victims?|casualt)/i.test(noun)) return nearestOutcome(after) ?? "victim";
  return "case";
}

/** "The attacker", "the gunman's identity": an account that speaks of one perpetrator. */
export function speaksOfOnePerpetrator(text: string): boolean {
  return /\b(?:the|a|an|one|lone|single|sole)\s+(?:[a-z-]+\s+)?(?:attacker|assailant|gunman|shooter|bomber|perpetrator|hijacker|stabber)(?:['’]s)?\b(?!s)/i.test(
    text,
  );
}

/** Two counts of one slot that cannot both be true. */
export function countsConflict(a: CountSlot, b: CountSlot): boolean {
  if (a.slot !== b.slot || a.count === b.count) return false;
  // "at least two" is consistent with "three".
  const low = a.count < b.count ? a : b;
  return !low.atLeast;
}
