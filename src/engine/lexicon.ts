/**
 * General English vocabulary of news reporting: hedges, speech verbs, open questions. Nothing here is
 * specific to one story; every list is what a copy editor would look for in any article.
 */

/** Words that make a claim uncertain; the first match is named in the rationale. */
export const HEDGE =
  /\b(probably|possibly|perhaps|maybe|allegedly|alleged|reportedly|apparently|purportedly|supposedly|presumably|likely|unlikely|unconfirmed|rumou?red|rumou?rs?|suspected|believed to|thought to|said to be|appears? to|appeared to|seems? to|seemed to|may have|might have|could have|may be|might be|could be|is expected to|are expected to|would be)\b/i;

/** A group's claim about itself: reported, never verified by the reporting. */
export const RESPONSIBILITY_CLAIM =
  /\b(claimed responsibility|claims? of responsibility|claimed credit|(?:was|were|has been|have been) claimed by|claimed (?:that )?(?:it|they) (?:had )?(?:carried out|was behind|were behind|committed))\b/i;

/** The article says something is not (yet) known or not disclosed: an open question. */
export const NOT_KNOWN =
  /\b(not (?:yet )?(?:been )?(?:known|confirmed|identified|disclosed|released|named|clear|determined|established)|(?:remains?|remained|is|was|still) (?:unknown|unclear|unconfirmed|undetermined|under investigation)|(?:refused|declined|would not|wouldn't|did not|didn't) (?:to )?(?:give|provide|disclose|reveal|release|say|comment|discuss|confirm|name|identify|elaborate)|no (?:information|details?|word|indication)\b[^.]*\b(?:confirmed|available|released|given|known)|no other details|(?:unclear|unknown) (?:whether|if|what|who|why|how)|it is not known|investigators (?:are )?(?:still )?(?:trying|working) to (?:determine|establish|identify))/i;

/** Denials and refutations inside the article. */
export const DENIAL =
  /\b(denied|denies|deny|denying|refuted|rejected the (?:claim|report)|dismissed (?:the )?(?:claim|report)s?|false|fake|hoax|debunked|not true|untrue|no evidence)\b/i;

/** Verbs that introduce what a source said. Present and past forms. */
export const SPEECH_VERBS = [
  "said",
  "says",
  "say",
  "told",
  "tells",
  "added",
  "adds",
  "stated",
  "states",
  "reported",
  "reports",
  "report",
  "announced",
  "announces",
  "tweeted",
  "tweets",
  "wrote",
  "writes",
  "claimed",
  "claims",
  "confirmed",
  "confirms",
  "denied",
  "denies",
  "warned",
  "warns",
  "insisted",
  "insists",
  "explained",
  "explains",
  "noted",
  "notes",
  "urged",
  "urges",
  "vowed",
  "vows",
  "acknowledged",
  "acknowledges",
  "admitted",
  "admits",
  "argued",
  "argues",
  "asked",
  "asks",
  "posted",
  "posts",
  "revealed",
  "reveals",
  "suggested",
  "suggests",
  "stressed",
  "declared",
  "declares",
  "estimated",
  "estimates",
  "predicted",
  "predicts",
  "replied",
  "responded",
  "recalled",
  "continued",
  "concluded",
  "alleged",
  "alleges",
  "believes",
  "believed",
  "thinks",
  "thought",
  "testified",
  "indicated",
  "indicates",
  "offered",
  "complained",
  "countered",
  "contended",
  "maintained",
  "maintains",
  "conceded",
  "observed",
  "pointed out",
  "has said",
  "have said",
  "had said",
  "has told",
  "had told",
  "has claimed",
  "has confirmed",
  "has warned",
  "has learned",
  "have learned",
  "learned",
  "has reported",
];

/** Speech verbs that are not neutral: they mark the content as a claim rather than a fact. */
export const CLAIM_VERBS = /^(claimed|claims|alleged|alleges|believes|believed|thinks|thought|suggested|suggests|predicted|predicts|estimated|estimates|has claimed|contended|countered)$/i;
