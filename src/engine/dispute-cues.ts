/**
 * The words by which an article says that accounts conflict. Each pattern is scoped to what it is about:
 * a falsity word counts only when it is said of an account ("the report is misleading", "that simply
 * isn't true"), not anywhere in the sentence ("hackers used false news reports" is history, not a
 * conflict in this story).
 */

const ACCOUNT =
  "(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?|rumou?rs?|assertions?|stor(?:y|ies)|accounts?|versions?|figures?|findings?|comments?|remarks?|statements?|words|tweets?|posts?)";

// "the AP report", "those claims", "his words", "Pyongyang's claims", "the reports of X's capture".
const ACCOUNT_PHRASE = `(?:(?:the|that|this|these|those|such|his|her|their|its|my|our|(?:[\\p{Lu}][\\p{L}.-]*\\s+){0,3}[\\p{Lu}][\\p{L}.-]*['’]s?)\\s+(?:[\\p{L}'’-]+\\s+){0,2}?${ACCOUNT}(?:\\s+(?:of|about|that)\\s+[^,;.]{1,60}?)?|that|this|it)`;

const FALSE_WORD =
  "(?:not true|rubbish|untrue|false|misleading|inaccurate|incorrect|wrong|baseless|unfounded|groundless|fabricated|made up|misconstrued|mischaracteri[sz]ed|misrepresented|distorted|exaggerated|overblown|a hoax|hoax|a lie|lies|nonsense|propaganda|fake|bogus|fiction|a fabrication|fabrication)";

/** An account said to be false: "the report is misleading", "my comments have been misconstrued". */
const ACCOUNT_IS_FALSE = new RegExp(
  `\\b(${ACCOUNT_PHRASE})\\s+(?:(?:simply|completely|totally|entirely|wholly|probably|clearly|just|also|now|had|has|have|been|was|were|being)\\s+){0,3}?(?:is|are|was|were|has been|have been|had been|proved|proven|turned out|appears|appeared|seems?|seemed)\\s+(?:to be\\s+)?(?:(?:simply|completely|totally|entirely|wholly|probably|clearly|just|pure|purely|a|an|complete|total)\\s+)?(?:[\\p{L}'’-]+\\s+)?["'“‘]*${FALSE_WORD}\\b`,
  "iu",
);

/** "Police dismissed the reports as false", "branded the claims a lie". */
const DISMISSED_AS_FALSE = new RegExp(
  `\\b(?:dismissed|dismisses|rejected|rejects|branded|brands|called|calls|described|describes|labell?ed)\\s+(${ACCOUNT_PHRASE})\\s+(?:as\\s+)?(?:(?:a|an|pure|complete|total|simply|utterly)\\s+)?["'“‘]?${FALSE_WORD}\\b`,
  "iu",
);

/** "that simply isn't true", "this wasn't true". */
const ANAPHOR_NOT_TRUE =
  /\b(that|this|it)\s+(?:(?:simply|just|is|was)\s+)?(?:isn['’]t|wasn['’]t|is not|was not)\s+(?:at all\s+)?true\b/i;

/** "there was no such attack": a negation of what was mentioned before. */
const NO_SUCH = /\bno such\s+[\p{L}-]+/iu;

/**
 * Doubt raised over another account, which it names: "expressed doubt over the report", "calls into
 * question those claims", "discounted Pyongyang's claims", "described as rubbish a report that ...".
 */
const DOUBT = new RegExp(
  `\\b(?:(?:expressed|cast|casts|casting|raised|raising|voiced|voicing)\\s+(?:serious\\s+|some\\s+|strong\\s+)?doubts?\\s+(?:over|on|about|as to)|calls?\\s+into\\s+(?:serious\\s+)?question|called\\s+into\\s+(?:serious\\s+)?question|skepticism\\s+(?:of|about|over|toward|towards)|inconsisten(?:t|cies)\\s+with|discounted|disputed|disputes|contradicted|contradicts|refuted|refutes|debunked|questioned|challenged|(?:described|called|branded|labell?ed|dismissed)\\s+as\\s+["“‘']?${FALSE_WORD}["”’']?)\\s+(?:a\\s+|an\\s+)?(${ACCOUNT_PHRASE})`,
  "iu",
);

/** An account misrepresenting what happened: "it cherry-picked", "my comments have been misconstrued". */
const MISREPRESENTS =
  /\b(?:cherry-?pick(?:ed|ing|s)?|distort(?:ed|ing|s|ion)|misrepresent(?:ed|ing|s|ation)?|mischaracteri[sz](?:e|ed|es|ing|ation)|misconstru(?:e|ed|es|ing)|misquot(?:e|ed|es|ing))\b/i;

/** "it turned out the minister had never said it": the reporter finds an account untrue. */
const TURNED_OUT_NOT =
  /\b(?:it|this)\s+(?:later\s+)?(?:turned out|emerged|became clear|was revealed|was later revealed)\s+(?:that\s+)?([^,;.]{3,100}?\b(?:had not|did not|didn['’]t|hadn['’]t|was not|wasn['’]t|were not|never)\b[^,;.]{0,80})/i;

/** An account discredited by its own frame: "according to the discredited reports". */
export const DISCREDITED_ACCOUNT = new RegExp(
  `\\b(?:discredited|debunked|false|bogus|fake|unfounded|unverified|unsubstantiated|erroneous|retracted)\\s+(?:[\\p{L}-]+\\s+)?${ACCOUNT}\\b`,
  "iu",
);

/** Explicit markers that the article carries conflicting accounts. */
const CONFLICT_MARKER = new RegExp(
  [
    "\\baccounts?\\s+(?:of\\s+[^.;]{1,60}?\\s+)?(?:differ|differed|differs|vary|varied|varies|conflict|conflicted)\\b",
    "\\b(?:conflicting|contradictory|contradicting|differing|competing|contrasting|inconsistent|contradicted|disputed)\\s+(?:[\\p{L}-]+\\s+)?(?:reports|accounts|claims|statements|versions|figures|information|stories|narratives|tallies|numbers|estimates|counts)\\b",
    "\\bsome\\b[^.;]{0,150}?\\b(?:said|say|says|claimed|claim|reported|told|insisted|believe|believed)\\b[^.;]{0,200}?\\b(?:while|but|whereas)\\s+others\\b",
    // Set against an account, not a view: "at odds with the police account", not "at odds with the mayor".
    `\\b(?:at odds with|contrary to|contradict(?:s|ed|ing)?|inconsistent with)\\s+(?:${ACCOUNT_PHRASE}|what\\b)`,
    // "as researchers believe, but Moscow strongly denies": a denial set against a claim in one sentence.
    "\\b(?:but|while|though|although|which|whereas)\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){1,4}(?:[a-z]+ly\\s+)?(?:denies|denied|has denied|have denied|disputes|disputed)\\b",
  ].join("|"),
  "iu",
);

// A cheap first look: every challenge pattern holds one of these words.
const CHALLENGE_WORD =
  /true|false|mislead|inaccura|incorrect|wrong|baseless|unfounded|groundless|fabricat|made up|misconstru|mischaracteri|misrepresent|distort|exaggerat|overblown|hoax|\blie|nonsense|propaganda|fake|bogus|fiction|rubbish|no such|doubt|question|skeptic|inconsisten|discount|disput|contradict|refut|debunk|challeng|turned out|emerged|became clear|revealed|cherry|misquot/i;
const MARKER_WORD =
  /differ|var(?:y|ied|ies)|conflict|contradict|competing|contrast|inconsistent|disputed|others|odds|contrary|denie|deny|reject/i;

/** Whether a sentence says that accounts conflict, and the words that say so. */
export function conflictMarker(text: string): string | undefined {
  return MARKER_WORD.test(text) ? CONFLICT_MARKER.exec(text)?.[0] : undefined;
}

/** Where a statement takes issue with another account: the words, and the phrase naming that account. */
export interface Challenge {
  cue: string;
  /** The account taken on, as written ("the reports of her capture"), or "" when it is only "that". */
  target: string;
}

/** Whether a claim takes issue with another account, and which one. */
export function findChallenge(text: string): Challenge | undefined {
  if (!CHALLENGE_WORD.test(text)) return undefined;
  const isFalse = ACCOUNT_IS_FALSE.exec(text);
  if (isFalse) return { cue: isFalse[0], target: anaphoric(isFalse[1] ?? "") };
  const dismissed = DISMISSED_AS_FALSE.exec(text);
  if (dismissed) return { cue: dismissed[0], target: anaphoric(dismissed[1] ?? "") };
  const notTrue = ANAPHOR_NOT_TRUE.exec(text);
  if (notTrue) return { cue: notTrue[0], target: "" };
  const noSuch = NO_SUCH.exec(text);
  if (noSuch) return { cue: noSuch[0], target: "" };
  const doubt = DOUBT.exec(text);
  if (doubt) return { cue: doubt[0], target: anaphoric(doubt[1] ?? "") };
  const turned = TURNED_OUT_NOT.exec(text);
  if (turned) return { cue: turned[0], target: turned[1] ?? "" };
  const mis = MISREPRESENTS.exec(text);
  if (mis) return { cue: mis[0], target: "" };
  return undefined;
}

function anaphoric(phrase: string): string {
  return /^(?:that|this|it)$/i.test(phrase.trim()) ? "" : phrase;
}

/** Words that name an account rather than what it is about. */
export const ACCOUNT_WORD = new RegExp(`^${ACCOUNT}$`, "i");
/** A narrated sentence that relays an account: "Reports began to surface that ...", "rumours spread". */
export const REPORT_FRAME =
  /\b(?:report(?:s|ed|edly)?|rumou?r(?:s|ed)?|claim(?:s|ed)?|alleg(?:e|es|ed|edly|ation|ations)|said|says|according to|purported(?:ly)?|tweet(?:s|ed)?|posted)\b/i;

/** Whose account a challenge names: "North Korea's claim" -> North Korea, "the AP report" -> AP. */
export function ownerOf(target: string): string | undefined {
  const possessive = /^((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['’]s?\s/u.exec(target);
  if (possessive?.[1]) return possessive[1];
  const modifier = new RegExp(`^the\\s+((?:\\p{Lu}[\\p{L}.-]*\\s+){1,3})${ACCOUNT}\\b`, "u").exec(target);
  return modifier?.[1]?.trim();
}
