import type { Statement, TimelineEvent } from "../digest/schema.ts";

// Dates and times as news copy writes them, absolute or relative.
const WHEN = new RegExp(
  [
    String.raw`\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b`,
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:,\s*\d{4})?\b`,
    String.raw`\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?\b`,
    String.raw`\b(?:at\s+(?:around\s+|about\s+)?|by\s+|around\s+)(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|midnight|noon|dawn|dusk)`,
    String.raw`\b(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year|morning|evening)\b`,
    String.raw`\b(?:yesterday|today|tonight|last night|this morning|this evening)\b`,
    String.raw`\bin\s+(?:19|20)\d{2}\b`,
  ].join("|"),
  "i",
);

/** Statements that carry a date or time, in article order, each with its evidence. */
export function buildTimeline(statements: Statement[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const s of statements) {
    const quote = s.evidence[0]?.quote ?? "";
    const m = WHEN.exec(quote);
    if (!m) continue;
    events.push({ when: m[0].trim(), event: s.claim, evidence: s.evidence });
  }
  return events;
}
