/**
 * The scope of a claim: which words of a sentence belong to the claim's own clause. A hedge or a negation
 * reaches the clause it stands in and the clauses embedded under it ("it is possible that X" hedges X),
 * not a relative clause, a parenthesis or an adverbial clause beside it ("X, who was reportedly ..."
 * does not hedge X). Clauses are found by their punctuation and their introducing words, which is
 * cheap, linear and good enough for news prose.
 */

// Pieces that stand beside the claim rather than inside it; each is blanked out of the spine.
const PARENTHESIS = /\([^()]*\)|\[[^\]]*\]/g;
// "— a front for the group —" / "-- or dissents from the majority --": a paired dash aside.
const DASH_ASIDE = /\s(?:—|–|--|-)\s[^—–]*?\s(?:—|–|--|-)\s/g;
// ", who ... ," / ", which ..." up to the next comma, dash or the end.
const RELATIVE = /,\s+(?:who|whom|whose|which|where)\b[^,;—–]*/gi;
// Restrictive relatives without a comma: "a militant who is awaiting trial", "the image that was seen".
const BARE_RELATIVE = /\s(?:who|whom|whose|which)\s[^,;—–]*/gi;
// Adverbial clauses that do not condition the claim: "..., although it ...", "because ...".
const ADVERBIAL =
  /(?:^|,\s*|\s)(?:although|though|even though|because|since|while|whereas|after|before|when|once|until|so that)\s[^,;]*(?:,|$)/gi;

const blank = (s: string) => " ".repeat(s.length);

/**
 * The claim's own clause, same length as the input (asides blanked with spaces), so that offsets and
 * word order survive. Embedded complements ("said that ...", "it is possible that ...") stay in.
 */
export function claimSpine(text: string): string {
  return text
    .replace(PARENTHESIS, blank)
    .replace(DASH_ASIDE, (m) => ` ${blank(m.slice(2, -2))} `)
    .replace(RELATIVE, blank)
    .replace(BARE_RELATIVE, blank)
    .replace(ADVERBIAL, (m) => (m.startsWith(",") ? `,${blank(m.slice(1))}` : blank(m)));
}

/**
 * "If the governor withdraws, she would ..." / "..., if its claims are true, ...": a condition on the
 * claim itself, so the claim is not asserted. An "if" inside an object ("asked what would happen
 * if ...") does not count: only one that opens the claim or stands between commas.
 */
const CONDITION =
  /(?:^|[,:;—–]\s*|\bthat\s+|\bthen\s+)(?:if|unless|provided that|assuming|in the event that)\s+\S/i;
// "..., should Trump tap him": a condition by inversion.
const INVERTED_CONDITION = /(?:^|[,:;—–]\s*)[Ss]hould\s+(?:\p{Lu}\p{L}*|he|she|they|it|the)\s/u;
const IF_TRUE = /\bif (?:true|confirmed|accurate|correct|verified)\b/i;

export function conditionOf(text: string): string | undefined {
  const m = IF_TRUE.exec(text) ?? CONDITION.exec(text.slice(0, 400)) ?? INVERTED_CONDITION.exec(text);
  return m ? m[0].replace(/^[\s,:;—–"“]+|\s+\S$/g, "").trim() : undefined;
}

/** A sentence that asks rather than states: it asserts nothing ("Why no exact date?"). */
export function isQuestion(text: string): boolean {
  return /\?\s*(?:["”’']|'')?\s*$/.test(text.trim());
}

/** The first words of a content span that are a clause of their own (subject and finite verb). */
const FINITE_WORD =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|won't|can't|isn't|wasn't|aren't|weren't|hasn't|haven't|didn't|doesn't)\b|\b\p{Ll}{3,}ed\b/u;

/**
 * Whether the words after a speech verb are a proposition ("that the bridge was closed", "the road is
 * open") or only an object ("an image of the candidate", "his support for the plan"). An object means
 * the sentence narrates an act (something was posted, praised, called for), not a claim about the world.
 */
export function isProposition(content: string): boolean {
  const t = content.trim().replace(/^[,:;—–-]\s*/, "");
  if (/^(?:["“”‘]|'')/.test(t)) return true;
  if (/^(?:that|whether|if|how|why|what|when|where|who)\b/i.test(t)) return true;
  const head = t.split(/[,;:—–(]|\s-\s/)[0] ?? t;
  return FINITE_WORD.test(head);
}

/** A short line with no verb and no closing stop: a crosshead or a label ("Misreading of remarks"). */
export function isVerblessLine(text: string): boolean {
  const t = text.trim();
  return (
    t.split(/\s+/).length <= 6 &&
    !/[.!?]["”’']?$/.test(t) &&
    !FINITE_WORD.test(t) &&
    !/\p{Ll}+s\b\s+\p{Ll}/u.test(t)
  );
}

/** A relative clause beside the claim (", who was apparently captured"), with the words it hangs on. */
export interface Aside {
  start: number;
  end: number;
  /** The few words before the comma: whom the clause is about ("a potential advertiser"). */
  head: string;
}

const ASIDE = /,\s+((?:who|whom|whose|which)\b[^,;—–]*)/gi;

export function asidesOf(text: string): Aside[] {
  const out: Aside[] = [];
  ASIDE.lastIndex = 0;
  for (let m = ASIDE.exec(text); m; m = ASIDE.exec(text)) {
    const clause = m[1] ?? "";
    const start = m.index + m[0].length - clause.length;
    const head =
      text
        .slice(Math.max(0, m.index - 60), m.index)
        .split(/[,;:—–]/)
        .at(-1) ?? "";
    out.push({
      start,
      end: start + clause.trimEnd().replace(/[.!?]+["”’']?$/, "").length,
      head: head.trim(),
    });
  }
  return out;
}
