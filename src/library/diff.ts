import type { Digest, Source, Statement } from "../digest/schema.ts";
import { contentTerms } from "../nlp/text.ts";

/** What changed between two versions of a story, in a reporter's terms. */
export interface DigestDiff {
  added: Statement[];
  statusChanged: { before: Statement; after: Statement }[];
  /** Said in the earlier version, not any more: withdrawn or no longer supported. */
  removed: Statement[];
  newSources: Source[];
}

// What a statement is about: its claim without the attribution around it ("X said at midnight that"),
// with stems cut short so "identity" meets "identified" and "confirmed" meets "confirmation".
const topicTerms = (s: Statement) => new Set(contentTerms(s.claim).map((t) => t.slice(0, 5)));

/** How much two statements are about the same thing: shared topic words over the smaller set. */
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared < 2 ? 0 : shared / Math.min(a.size, b.size);
}

const SAME_TOPIC = 0.5;

export function diffDigests(before: Digest, after: Digest): DigestDiff {
  const oldTerms = before.statements.map((s) => ({ s, t: topicTerms(s) }));
  const newTerms = after.statements.map((s) => ({ s, t: topicTerms(s) }));
  // Best pairs first, each statement used once.
  const pairs: { o: number; n: number; score: number; drift: number }[] = [];
  // Where a statement sits in its version (0 = top, 1 = bottom): a live story mostly keeps its order, so
  // between equally similar candidates the one at the same place is the same statement.
  const place = (d: Digest, s: Statement) =>
    (s.evidence[0]?.paragraph ?? 0) / Math.max(1, d.paragraphs.length);
  oldTerms.forEach((o, oi) => {
    newTerms.forEach((n, ni) => {
      const exact = o.s.evidence[0]?.quote === n.s.evidence[0]?.quote;
      const score = exact ? 2 : similarity(o.t, n.t);
      const drift = Math.abs(place(before, o.s) - place(after, n.s));
      if (score >= SAME_TOPIC) pairs.push({ o: oi, n: ni, score, drift });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.drift - b.drift);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const statusChanged: DigestDiff["statusChanged"] = [];
  for (const p of pairs) {
    if (usedOld.has(p.o) || usedNew.has(p.n)) continue;
    usedOld.add(p.o);
    usedNew.add(p.n);
    const before = oldTerms[p.o]?.s;
    const after = newTerms[p.n]?.s;
    if (before && after && before.status !== after.status) statusChanged.push({ before, after });
  }
  const known = new Set(before.sources.flatMap((s) => [s.name, ...s.aliases].map((n) => n.toLowerCase())));
  return {
    added: newTerms.filter((_, i) => !usedNew.has(i)).map((x) => x.s),
    statusChanged,
    removed: oldTerms.filter((_, i) => !usedOld.has(i)).map((x) => x.s),
    newSources: after.sources.filter((s) => ![s.name, ...s.aliases].some((n) => known.has(n.toLowerCase()))),
  };
}
