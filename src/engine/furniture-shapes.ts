/**
 * Shapes of page furniture that a bag of block features weighs poorly because they are long or
 * sentence-like, each defined by its structure rather than by one site's wording:
 * - a contact line: an e-mail address in a short paragraph;
 * - a dateline or byline: "Posted / Updated / Published / By" opening a short paragraph with a date
 *   or time in it;
 * - a link label: a short web-page label ("Read next:", "More |") in front of text that shares
 *   almost nothing with the story (the title of another story).
 * Each of those also needs the paragraph to share little with the story and to quote no one. These
 * shapes are evidence enough by themselves, even when the paragraph names the story's people:
 * - a legal line: a copyright sign or notice with its reservation of rights;
 * - a caption: a short paragraph that ends with its photo credit ("... Photo: Agency");
 * - a credit line: a label and the name of a publication or agency and nothing else ("Source: Some
 *   Outlet"): provenance of the page. A credit to anyone else ("Source: a ministry") credits data
 *   the story shows, and stays;
 * - markup: style rules, tags or entities a scraper failed to strip;
 * - image alt text: a few words naming a picture ("Breaking news logo"), with no verb;
 * - a call to action: a short paragraph that tells the reader to do something on the page or with
 *   the site (it opens with an imperative, addresses the reader or speaks for the site, and uses
 *   web-page words), reporting no one's words.
 */

import { words } from "../nlp/text.ts";
import { IMPERATIVE, SPEECH, WEB_VOCABULARY } from "./block-features.ts";
import { knownKind } from "./gazetteer.ts";

export type FurnitureShape =
  | "contact line"
  | "legal line"
  | "dateline or byline"
  | "link label"
  | "caption"
  | "credit line"
  | "markup"
  | "image alt text"
  | "call to action";

const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
const COPYRIGHT = /©|\bcopyright\b|\(c\) \d{4}/i;
const RESERVED =
  /\b(?:all|some) rights reserved\b|\bmay not be (?:\w+ ){0,2}(?:published|reproduced|copied|redistributed)\b|\bused (?:with|under) (?:permission|license)\b/i;
const STAMP_OPENING = /^(?:(?:last )?(?:posted|updated|published|modified)|(?:written |reported )?by)\b/i;
const DATE_OR_TIME =
  /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const QUOTED = /["“”«»]/;
const CREDIT_END =
  /(?:^|[.;,)]\s*|\s)\(?(?:photo|picture|image|photograph|video|credit|footage)s?(?: credit)?\s*[:/]\s*[\p{Lu}@][^.!?:]{0,50}\)?\.?$/iu;
// A label of one or two words, then up to five capitalised words. Written so that no run of letters can
// be split two ways (each word is taken whole through a look-ahead, as an atomic group would): the
// naive form backtracks over every split of a long word, quadratic in its length.
const CREDIT_LINE = /^[\p{L}/]+(?: [\p{L}/]+)? ?:\s*((?:(?=([\p{Lu}@][\p{L}\d.&'’-]*))\2\s?){1,5})\.?$/u;
// Words that name a publication, wire or broadcaster.
const OUTLET =
  /\b(?:news|times|post|journal|tribune|herald|gazette|daily|magazine|press|wire|agency|tv|radio|online|media|reuters|ap|afp|upi)\b/i;
const MARKUP = /\{[^}]*:[^}]*\}|<\/?[a-z][^>]*>|(?:&[a-z]+;.*){2}|&(?:amp|nbsp|quot|lt|gt);/i;
// A web-page label glued to what follows when the scraper dropped the separator: "RelatedSome Title".
// (No length limit below 120 words: a glued label often heads a whole list of run-together titles.)
const GLUED_LABEL =
  /^(?:[Rr]elated|RELATED|[Mm]ore|MORE|[Rr]ecommended|[Tt]rending|[Ww]atch|WATCH|[Vv]ideo|VIDEO|[Pp]hotos?|[Ss]ee also|[Rr]ead more)(?=\p{Lu})/u;
const ALT_TEXT = /^[^.!?:]*\b(?:logo|icon|thumbnail|avatar|banner|screenshot|graphic|illustration)s?$/i;
const VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|\w+ed)\b/i;

function isCallToAction(text: string): boolean {
  const ws = words(text);
  return (
    IMPERATIVE.has(ws[0] ?? "") &&
    ws.some((w) => /^(?:you|your|our|us)$/.test(w)) &&
    ws.some((w) => WEB_VOCABULARY.has(w)) &&
    !SPEECH.test(text) &&
    !QUOTED.test(text)
  );
}

/**
 * The furniture shape a paragraph has, if any. `n` is its number of words (text.ts `words`),
 * `cohesion` is relative to the story (1 = typical).
 */
export function furnitureShape(
  paragraph: string,
  n: number,
  cohesion: number,
  webLabel: boolean,
): FurnitureShape | undefined {
  if (n > 120) return undefined;
  const text = paragraph.trim();
  if (n <= 40 && MARKUP.test(text) && !/[.!?]["”’]?$/.test(text)) return "markup";
  if (n <= 60 && COPYRIGHT.test(text) && RESERVED.test(text)) return "legal line";
  if (n <= 35 && CREDIT_END.test(text)) return "caption";
  if (n <= 6 && ALT_TEXT.test(text) && !VERB.test(text)) return "image alt text";
  if (n <= 30 && isCallToAction(text)) return "call to action";
  const credited = n <= 6 ? CREDIT_LINE.exec(text)?.[1]?.trim() : undefined;
  if (credited && !VERB.test(text) && (OUTLET.test(credited) || knownKind(credited) === "media"))
    return "credit line";
  if (n <= 120 && GLUED_LABEL.test(text)) return "link label";
  if (QUOTED.test(text) || cohesion >= 0.6) return undefined;
  if (n <= 25 && EMAIL.test(text)) return "contact line";
  if (n <= 16 && STAMP_OPENING.test(text) && DATE_OR_TIME.test(text)) return "dateline or byline";
  if (webLabel && n <= 40 && cohesion < 0.35) return "link label";
  return undefined;
}
