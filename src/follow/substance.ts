import type { Statement } from "../digest/schema.ts";
import type { DigestDiff } from "../library/diff.ts";
import { contentTerms } from "../nlp/text.ts";

// Words of a time stamp or an update line: a changed "Updated 10:42 GMT" is not news.
const CLOCK_WORD =
  /^(?:updat|post|publish|last|modifi|am|pm|gmt|utc|bst|cet|est|edt|pst|pdt|ago|minut|hour|januar|februar|march|april|may|june|juli|july|august|septemb|octob|novemb|decemb|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)/;

/** A statement's words that carry meaning: not numbers, not clock or calendar words. */
function meaningTerms(s: Statement): Set<string> {
  return new Set(contentTerms(s.claim).filter((t) => !CLOCK_WORD.test(t) && !/\d/.test(t)));
}

const MIN_MEANING_TERMS = 3;
/** Looser than the diff's own pairing: an added and a removed sentence this alike with one status are a rewording. */
const REWORDED = 0.3;

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * The part of a diff a desk should hear about: status changes, statements added or withdrawn that say
 * something (not a time stamp), new sources. A sentence reworded with the same status is no change.
 * Undefined when nothing is left.
 */
export function substantiveChange(diff: DigestDiff): DigestDiff | undefined {
  const added = diff.added.filter((s) => meaningTerms(s).size >= MIN_MEANING_TERMS);
  const removed = diff.removed.filter((s) => meaningTerms(s).size >= MIN_MEANING_TERMS);
  const reworded = new Set<Statement>();
  for (const a of added)
    for (const r of removed) {
      if (reworded.has(r) || a.status !== r.status) continue;
      if (overlap(meaningTerms(a), meaningTerms(r)) >= REWORDED) {
        reworded.add(a);
        reworded.add(r);
        break;
      }
    }
  const change: DigestDiff = {
    added: added.filter((s) => !reworded.has(s)),
    removed: removed.filter((s) => !reworded.has(s)),
    statusChanged: diff.statusChanged,
    newSources: diff.newSources,
  };
  const size =
    change.added.length + change.removed.length + change.statusChanged.length + change.newSources.length;
  return size > 0 ? change : undefined;
}
