/**
 * Open questions found by what they say, not by a list of phrases: a negated predicate of knowing or
 * telling ("has not been released", "won't confirm", "did not immediately respond", "hasn't decided
 * whether"), a piece of information said to be absent ("no details", "no reason has been given", "key
 * details are missing"), or a state of not knowing ("remains unclear", "up in the air", "too early to
 * say whether"). Read over the claim's own clause only (see clause-scope.ts).
 */

// What negates the predicate that follows it.
const NEGATOR =
  "(?:(?<!\\b(?:or|to)\\s)\\bnot|n['’]t|\\bnever|\\bcannot|\\byet\\s+to|\\brefused\\s+to|\\brefuses\\s+to|declined\\s+to|declines\\s+to|unable\\s+to|failed\\s+to|impossible\\s+to|too\\s+(?:early|soon)\\s+to|no\\s+way\\s+to|without)";
// Words that may stand between the negation and the predicate: auxiliaries and manner adverbs.
const FILLER =
  "(?:be|been|being|yet|immediately|independently|publicly|officially|formally|fully|still|so\\s+far|have|has|had|to|make|made|it|also|yet|currently|directly)";
// Predicates of knowing, telling and deciding, in any form ("confirm", "confirmed", "confirming").
const KNOW_OR_TELL =
  "(?:know|knew|known|clear|confirm(?:ed|s)?|verif(?:y|ied|ies)|identif(?:y|ied|ies)|releas(?:e|ed|es)|disclos(?:e|ed|es)|reveal(?:ed|s)?|nam(?:e|ed|ing)|(?:say|said|saying|tell|told|telling|explain\\w*|indicat\\w*|answer\\w*)(?=\\s*(?:[.,;:]|$|whether\\b|if\\b|why\\b|who\\b|whom\\b|what\\b|when\\b|where\\b|how\\b|which\\b|anything\\b|more\\b|much\\b))|specif(?:y|ied|ies)|comment(?:ed|s)?|respond(?:ed|s)?|decid(?:e|ed|es)|determin(?:e|ed|es)|establish(?:ed|es)?|elaborat(?:e|ed|es)|detail(?:ed|s)?|discuss(?:ed|es)?|return\\w*\\s+(?:calls?|messages?|e-?mails?)|(?:be\\s+)?reached|give\\s+(?:details|a\\s+reason|reasons|information)|provid\\w*\\s+(?:details|information|a\\s+reason)|offer\\w*\\s+(?:details|information|an?\\s+explanation))";
const NEGATED_KNOWING = new RegExp(`${NEGATOR}\\s+(?:${FILLER}\\s+){0,3}${KNOW_OR_TELL}\\b`, "i");

// Pieces of information whose absence is an open question.
const INFO_NOUN =
  "(?:details?|information|word|comment|reason|explanation|indication|confirmation|identification|motive|identity|identities|names?|cause|circumstances)";
// "no details", "no immediate information", "not any comment", "no reason has been given".
const NO_INFO = new RegExp(
  `\\b(?:no|not\\s+(?:\\w+\\s+){0,2}any|nor\\s+any|without\\s+any)\\s+(?:(?:immediate|further|other|more|official|exact|additional|public|new)\\s+){0,2}${INFO_NOUN}\\b`,
  "i",
);
// "key details of the crash are missing", "the motive remains unknown".
const INFO_ABSENT = new RegExp(
  `\\b${INFO_NOUN}\\b[^.;:]{0,60}?\\b(?:(?:is|are|was|were|remains?|remained)\\s+)(?:still\\s+)?(?:missing|unavailable|not\\s+available|scarce|sketchy|withheld)\\b`,
  "i",
);
// A state of not knowing, said of a question or of the facts.
const NOT_KNOWN_STATE =
  /\b(?:(?:is|are|was|were|remains?|remained|still|be|been|becomes?)\s+(?:still\s+)?(?:unknown|unclear|uncertain|undetermined|undecided|unresolved|unexplained|a\s+mystery|up\s+in\s+the\s+air|under\s+investigation|to\s+be\s+(?:seen|determined|decided|confirmed))|(?:unclear|unknown|uncertain|not\s+(?:yet\s+)?(?:known|clear))\s+(?:whether|if|what|who|whom|whose|why|how|when|where|which)|it\s+(?:is|was)\s+not\s+(?:yet\s+)?(?:known|clear)|remains?\s+to\s+be\s+seen)\b/i;
// "no one has claimed the attack", "no group has yet claimed responsibility": nobody has said who did it.
const NOBODY_CLAIMED =
  /\b(?:no\s+(?:one|group|organi[sz]ation|party|individual)|nobody|none)\s+(?:(?:has|have|had|yet|immediately|so\s+far)\s+){0,3}(?:claimed|taken\s+responsibility|admitted)\b|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:been\s+)?claimed\b/i;

// Every pattern above needs one of these words; most sentences have none, and are skipped at once.
const ANY_CUE =
  /\b(?:not|no|nor|never|cannot|yet|refus\w*|declin\w*|unable|failed|impossible|too|without|nobody|none|unknown|unclear|uncertain|undetermined|undecided|unresolved|unexplained|mystery|up\s+in\s+the\s+air|under\s+investigation|remains?|missing|unavailable|scarce|sketchy|withheld|to\s+be\s+(?:seen|determined|decided|confirmed))\b|n['’]t\b/i;

/** The words that make the clause an open question, or undefined when it states something. */
export function openQuestion(spine: string): string | undefined {
  if (!ANY_CUE.test(spine)) return undefined;
  for (const re of [NOBODY_CLAIMED, NOT_KNOWN_STATE, NEGATED_KNOWING, NO_INFO, INFO_ABSENT]) {
    const m = re.exec(spine);
    if (m) return m[0].replace(/\s+/g, " ").trim();
  }
  return undefined;
}
