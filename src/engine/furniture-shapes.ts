/**
 * Shapes of page furniture that a bag of block features weighs poorly because they are long or
 * sentence-like, each defined by its structure rather than by one site's wording:
 * - a contact line: an e-mail address in a short paragraph;
 * - a legal line: a copyright sign or notice with its reservation of rights;
 * - a dateline or byline: "Posted / Updated / Published / By" opening a short paragraph with a date
 *   or time in it;
 * - a link label: a short web-page label ("Read next:", "More |") in front of text that shares
 *   almost nothing with the story (the title of another story).
 * Every shape also needs the paragraph to share little with the story and to quote no one.
 */
import { words } from "./text.ts";

export type FurnitureShape = "contact line" | "legal line" | "dateline or byline" | "link label";

const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
const COPYRIGHT = /©|\bcopyright\b|\(c\) \d{4}/i;
const RESERVED =
  /\b(?:all|some) rights reserved\b|\bmay not be (?:\w+ ){0,2}(?:published|reproduced|copied|redistributed)\b|\bused (?:with|under) (?:permission|license)\b/i;
const STAMP_OPENING = /^(?:(?:last )?(?:posted|updated|published|modified)|(?:written |reported )?by)\b/i;
const DATE_OR_TIME =
  /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const QUOTED = /["“”«»]/;

/** The furniture shape a paragraph has, if any. `cohesion` is relative to the story (1 = typical). */
export function furnitureShape(
  paragraph: string,
  cohesion: number,
  webLabel: boolean,
): FurnitureShape | undefined {
  const text = paragraph.trim();
  const n = words(text).length;
  if (QUOTED.test(text) || cohesion >= 0.6) return undefined;
  if (n <= 25 && EMAIL.test(text)) return "contact line";
  if (n <= 60 && COPYRIGHT.test(text) && RESERVED.test(text)) return "legal line";
  if (n <= 16 && STAMP_OPENING.test(text) && DATE_OR_TIME.test(text)) return "dateline or byline";
  if (webLabel && n <= 40 && cohesion < 0.35) return "link label";
  return undefined;
}
