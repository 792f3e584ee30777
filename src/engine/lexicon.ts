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
  // Stance and cognition verbs that frame a source's view just as "said" does ("X called for",
  // "a poll shows", "critics argue"), and the participles that attach a view to a sentence's subject.
  "tell",
  "state",
  "announce",
  "write",
  "claim",
  "deny",
  "warn",
  "insist",
  "explain",
  "note",
  "urge",
  "argue",
  "believe",
  "think",
  "suggest",
  "estimate",
  "predict",
  "agree",
  "agreed",
  "agrees",
  "contend",
  "contends",
  "called",
  "calls",
  "called for",
  "called on",
  "calls for",
  "calls on",
  "show",
  "shows",
  "showed",
  "found",
  "finds",
  "cited",
  "cites",
  "described",
  "describes",
  "mentioned",
  "criticized",
  "criticised",
  "criticizes",
  "condemned",
  "condemns",
  "praised",
  "accused",
  "accuses",
  "blamed",
  "blames",
  "questioned",
  "rejected",
  "rejects",
  "pledged",
  "pledges",
  "promised",
  "promises",
  "proposed",
  "proposes",
  "wants",
  "hopes",
  "hoped",
  "expects",
  "worries",
  "fears",
  "feared",
  "echoed",
  "likened",
  "pointed to",
  "demanded",
  "demands",
  "endorsed",
  "endorses",
  "blasted",
  "slammed",
  "touted",
  "lamented",
  "emphasized",
  "emphasised",
  "remarked",
  "wondered",
  "answered",
  "reiterated",
  "asserted",
  "disclosed",
  "conceded",
  "joked",
  "boasted",
  "speculated",
  "recounted",
  "defended",
  "disputed",
  "objected",
  "quipped",
  "retorted",
  "saying",
  "adding",
  "noting",
  "arguing",
  "claiming",
  "warning",
  "insisting",
  "explaining",
  "asking",
  "citing",
  "calling",
  "suggesting",
  "promising",
  "accusing",
  "describing",
  "stating",
  "writing",
  "telling",
  "urging",
];

/** Speech verbs that are not neutral: they mark the content as a claim rather than a fact. */
export const CLAIM_VERBS =
  /^(claimed|claims|alleged|alleges|believes|believed|thinks|thought|suggested|suggests|predicted|predicts|estimated|estimates|has claimed|contended|countered)$/i;

/**
 * Hedges read inside the claim's own clause (see clause-scope.ts). Unlike HEDGE, an attributive
 * "alleged"/"suspected" before a noun ("his alleged involvement", "a suspected compound") hedges only
 * that noun, not the claim; "would" is the future of reported speech, not a hedge; "rumours" is a
 * subject, not a hedge ("rumours that X proved untrue" states a fact about the rumours).
 */
export const CLAUSE_HEDGES: readonly RegExp[] = [
  // Epistemic adverbs.
  /\b(?:probably|possibly|perhaps|maybe|allegedly|reportedly|apparently|purportedly|supposedly|presumably|seemingly|ostensibly|conceivably|almost certainly|most likely|likely|unlikely|unconfirmed)\b/i,
  // A participle or adjective of doubt used as the predicate: "is alleged to", "was suspected of",
  // "it is possible that", "is said to be", "presumed pinched"; not "was reported to the police".
  /\b(?:is|are|was|were|be|been|being)\s+(?:widely\s+|still\s+)?(?:alleged|suspected|purported|rumou?red|believed|thought|understood|presumed|expected|feared|assumed|possible|probable|likely|favou?red|tipped|predicted|projected|poised)\b/i,
  /\b(?:is|are|was|were|be|been|being)\s+(?:widely\s+)?(?:said|reported|claimed)\s+(?:to\s+(?:be|have)|that)\b/i,
  /\b(?:presumed|rumou?red|purported|alleged|suspected|believed|thought|understood)\s+to\b/i,
  /\bpresumed\s+[a-z]+ed\b/i,
  // "it appears (that)", "seemed ready", "appeared to" — but not "appeared in court".
  /\b(?:seems?|seemed|seemingly)\b/i,
  /\bappear(?:s|ed)?\b(?!\s+(?:in|on|at|before|with|alongside|outside|inside|for|during|together|live|onstage|as\s+a\s+guest)\b)/i,
  // Modal verbs of possibility; "may" only in lower case (not the month).
  /\b(?:might|could|may)\s+(?!not\b)\w+/,
  /\b(?:Might|Could)\s+(?!not\b)\w+/,
  /\b(?:would|must|should|could|may|might)\s+have\s+[a-z]+/i,
  // Deontic "should": what someone thinks ought to happen, not what is.
  /\b(?:should(?!\s+(?:\p{Lu}\p{L}*|he|she|they|it|we|the)\s)|ought\s+to)\b/u,
  // Perception and first-person cognition: "was seen as", "I think", "we believe".
  /\b(?:is|are|was|were|been|being)\s+(?:widely\s+|largely\s+)?(?:seen|viewed|regarded|perceived|considered|interpreted)\s+as\b/i,
  /\b(?:I|we)\s+(?:(?:still|also|really|do)\s+)?(?:think|believe|feel|suspect|guess|assume|expect|hope|fear|suppose|reckon)\b/i,
  // The same in reported speech: "police said they believed the gunman acted alone".
  /\b(?:they|he|she)\s+(?:(?:still|also|now)\s+)?(?:think|thinks|thought|believe|believes|believed|suspect|suspects|suspected)(?=\s+(?:that\s+)?(?:the|a|an|he|she|they|it|this|his|her|their)\b)/i,
  // Inference from evidence: "the recording suggests ...".
  /\bsuggest(?:s|ed|ing)?\b/i,
];

/** Cues that lower the speaker's commitment: what follows is their claim, not an established fact. */
export const LOW_COMMITMENT_CUES =
  /^(?:has\s+|have\s+|had\s+)?(?:claimed|claims?|claiming|alleged|alleges?|alleging|believes?|believed|thinks?|thought|suggested|suggests?|suggesting|predicted|predicts?|estimated|estimates?|speculated|contended|contends?|countered|argued|argues?|arguing|accused|accuses|accusing|blamed|blames|hopes?|hoped|fears?|feared|expects?|worries|wondered)$/i;

/** Cues of saying something against one's own interest: an admission is on the record. */
export const ADMISSION_CUES = /^(?:has\s+)?(?:admitted|admits|acknowledged|acknowledges|conceded|concedes)$/i;

/** Cues that narrate an act (an object follows, not a proposition): "tweeted an image", "called for". */
export const ACT_CUES =
  /^(?:tweeted|tweets|posted|posts|released|cited|cites|called(?:\s+(?:for|on))?|calls(?:\s+(?:for|on))?|urged|urges|praised|condemned|condemns|criticized|criticised|criticizes|endorsed|endorses|reiterated|proposed|proposes|pledged|pledges|promised|promises|demanded|demands|described|describes|mentioned|touted|defended|questioned|offered|answered|responded|replied|asked|asks|wrote|writes|stated|announced|announces|rejected|rejects|slammed|blasted|lamented|echoed|likened|pointed\s+to)$/i;

/** A plan or intention: what will be, not what is. */
export const PLAN =
  /\b(?:will|would|shall|'ll|’ll|'d|’d|going\s+to|plan(?:s|ned|ning)?|intend(?:s|ed)?\s+to|intention|is\s+to|are\s+to|due\s+to|scheduled\s+to|set\s+to|aims?\s+to|was\s+handing|is\s+handing|committed\s+to)\b/i;

/** Stance and opinion predicates: a view, not a fact, whoever holds it. */
export const STANCE =
  /\b(?:disagrees?|disagreed|agrees?|agreed|believes?|feels?|felt|supports?|opposes?|opposed|prefers?|likes?|hates?|loves?|regrets?|welcomes?|welcomed|is\s+(?:wrong|right|unfortunate|regrettable|ridiculous|outrageous|unacceptable|disgraceful|shameful))\b/i;
