/**
 * General English cue lexicons for judging how an article stands toward a claim. Nothing here is
 * specific to any article: these are the words newsrooms use to debunk, deny, hedge and attribute.
 */

/**
 * Builds a case-insensitive whole-word matcher; a trailing `*` in an entry allows any word ending,
 * a leading `*` any word beginning ("*n't" matches "didn't").
 */
function cueRegex(entries: readonly string[]): RegExp {
  const word = (w: string): string => {
    const head = w.startsWith("*") ? "\\p{L}*" : "";
    const core = w.replace(/^\*|\*$/g, "");
    const tail = w.endsWith("*") && w.length > 1 ? "[\\p{L}'’]*" : "";
    return `${head}${escapeRegex(core)}${tail}`;
  };
  const alts = entries.map((e) => e.split(" ").map(word).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]");
}

/** Words that say a story is false: debunks, hoaxes, denials, retractions. */
export const REFUTE = cueRegex([
  "hoax*",
  "fake",
  "faked",
  "fakes",
  "false",
  "falsely",
  "falsehood*",
  "fabricat*",
  "debunk*",
  "untrue",
  "not true",
  "isn't true",
  "wasn't true",
  "no truth",
  "not real",
  "isn't real",
  "no evidence",
  "no proof",
  "no basis",
  "baseless",
  "unfounded",
  "bogus",
  "myth",
  "myths",
  "urban legend",
  "satire",
  "satirical",
  "parody",
  "prank*",
  "spoof*",
  "scam*",
  "misinformation",
  "disinformation",
  "misreport*",
  "retract*",
  "bullsh*",
  "fictitious",
  "made up",
  "made-up",
  "doctored",
  "photoshop*", // "photoshopped", "in Photoshop": an edited image
  "not the case",
  "never happened",
  "did not happen",
  "didn't happen",
]);

/** Weaker signs of a correction: scepticism and "actually" framing, also used in plain reporting. */
export const WEAK_REFUTE = cueRegex([
  "misleading",
  "mislead*",
  "nonsense",
  "rubbish",
  "ridiculous",
  "absurd",
  "fiction*",
  "contrary to",
  "turned out",
  "turns out",
  "actually",
  "in fact",
  "fooled",
  "duped",
  "gullible",
  "skeptic*",
  "sceptic*",
  "doubt*",
  "dubious",
  "questionable",
  "too good to be true",
]);

/** Someone on the record says a story is wrong: makes the account disputed, not settled. */
export const DENIAL = cueRegex([
  "deny",
  "denies",
  "denied",
  "denying",
  "denial*",
  "refute*",
  "refuting",
  "rebut*",
  "dismiss*",
  "disputes",
  "disputed",
  "rejects",
  "rejected",
  "categorically",
]);

/** Words that report without asserting: attribution of a contested account, rumour, speculation. */
export const HEDGE = cueRegex([
  "reportedly",
  "allegedly",
  "alleged",
  "allegation*",
  "purportedly",
  "purported",
  "supposedly",
  "apparently",
  "appears",
  "appear",
  "appeared",
  "seems",
  "seem",
  "seemingly",
  "claim",
  "claims",
  "claimed",
  "claiming",
  "rumor*",
  "rumour*",
  "speculat*",
  "unconfirmed",
  "unverified",
  "not confirmed",
  "could not be confirmed",
  "cannot confirm",
  "can't confirm",
  "couldn't confirm",
  "yet to confirm",
  "not been verified",
  "possibly",
  "possible",
  "perhaps",
  "unclear",
  "if true",
  "said to",
  "thought to",
  "believed to",
]);

/** Weaker hedges: everyday attribution and modal verbs, common in plain reporting too. */
export const WEAK_HEDGE = cueRegex([
  "according to",
  "reported",
  "reports",
  "report",
  "may",
  "might",
  "could",
  "likely",
  "believed",
  "suggest*",
  "suspect*",
  "circulating",
]);

/** Plain negation in a sentence of the article. */
export const NEGATION = cueRegex([
  "not",
  "no",
  "never",
  "*n't",
  "nothing",
  "none",
  "nobody",
  "neither",
  "nor",
  "cannot",
]);

/** In a claim: a negated debunk ("not a hoax", "they're not fake") asserts the story is real. */
export const NEGATED_DEBUNK = cueRegex([
  "not a hoax",
  "not fake",
  "not a fake",
  "not false",
  "no hoax",
  "not a myth",
  "not a joke",
  "not a prank",
  "not a scam",
  "isn't a hoax",
  "isn't fake",
  "aren't fake",
  "wasn't a hoax",
  "not photoshopped",
  "not doctored",
]);

/**
 * In a claim (headline): plain negation. Read only in the headline's own voice (see `ownVoice`), since
 * a negation inside a quote or compound ("'don't shoot'", "no-show fee") belongs to the story.
 */
export const CLAIM_NEGATION = cueRegex(["no", "not", "*n't", "never", "nothing"]);

/** In a claim (headline): words that debunk or deny the story wherever they stand. */
export const CLAIM_DEBUNK = cueRegex([
  "hoax*",
  "fake",
  "false",
  "falsely",
  "debunk*",
  "deny",
  "denies",
  "denied",
  "myth",
  "bogus",
  "untrue",
  "satire",
  "satirical",
  "parody",
  "prank*",
  "scam*",
]);

/** In a claim (headline): marks that it only raises or attributes the story. */
export const CLAIM_HEDGE = cueRegex([
  "may",
  "might",
  "could",
  "reportedly",
  "allegedly",
  "alleged",
  "report",
  "reports",
  "claim",
  "claims",
  "rumor*",
  "rumour*",
  "possibly",
  "possible",
  "considering",
  "consider",
  "mulls",
  "mulling",
  "weighs",
  "says",
  "said",
  "suspected",
  "purport*",
  "speculat*",
  "purportedly",
  "apparently",
  "unconfirmed",
]);

/** All matches of a cue regex in a text, lower-cased. */
export function cueMatches(re: RegExp, text: string): string[] {
  return (text.match(re) ?? []).map((m) => m.toLowerCase().replace(/\s+/g, " "));
}
