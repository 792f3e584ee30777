import type { Paragraph, Statement, Status } from "../digest/schema.ts";
import { contentTerms } from "../nlp/text.ts";

const MAX_SENTENCES = 3;
const MAX_CHARS = 700;
const HEADLINE_CHARS = 160;
const LEDE_WEIGHT = 1.5;

/** How a claim that is not established is introduced, so it is never read as plain fact. */
const LABEL: Partial<Record<Status, string>> = {
  unconfirmed: "Reported (unconfirmed): ",
  disputed: "Disputed: ",
};

// Page furniture that reads like a sentence: labelled captions ("Murdered: James Foley."), links,
// handles and hashtags of embedded posts.
const CAPTION_LABEL = /^[\p{Lu}][\p{L}'’ -]{0,30}:\s/u;
const FURNITURE = /https?:\/\/|pic\.twitter|www\.|(?:^|\s)[@#]\w/i;
// A paragraph carrying a photo credit is a caption.
const CREDIT = /\b(?:photo|image|picture|credit|video)\s*:\s*\S/i;

interface Candidate {
  s: Statement;
  order: number;
  score: number;
  quote: string;
  terms: string[];
}

/**
 * A few sentences from kept paragraphs, ranked by how central their words are to the story (shared with
 * the headline and repeated across paragraphs). The story's core leads even when it is not established:
 * an unconfirmed or disputed core is said to be so ("Reported (unconfirmed): ..."), never stated as
 * fact; the rest are confirmed statements. Captions, credits and embedded posts are left out.
 */
export function buildSummary(title: string, paragraphs: Paragraph[], statements: Statement[]): string {
  const kept = paragraphs.filter((p) => !p.junk);
  const frequency = new Map<string, number>();
  for (const p of kept)
    for (const t of new Set(contentTerms(p.text))) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const first = kept[0];
  // A short first paragraph is the headline, which leads as written. A long one is the story's first
  // paragraph, cut for the title: its first statement leads, said to be reported when it is.
  const headline = (first?.text.length ?? 0) <= HEADLINE_CHARS;
  const opening = statements.find(
    (s) =>
      s.evidence[0]?.paragraph === first?.index && first?.text.startsWith(s.evidence[0]?.quote ?? "\u0000"),
  );
  const lead =
    headline || !opening
      ? sentence(title.replace(/[\s;:,–—-]+$/, ""))
      : `${LABEL[opening.status] ?? ""}${sentence(opening.evidence[0]?.quote ?? title)}`;
  const titleTerms = new Set(contentTerms(title));
  const candidates: Candidate[] = statements
    .map((s, order) => ({ s, order, quote: (s.evidence[0]?.quote ?? "").trim() }))
    .filter(({ s }) => s.status !== "unknown" && (s.evidence[0]?.paragraph ?? 0) > (first?.index ?? 0))
    .filter(
      ({ s, quote }) =>
        !/^["“'‘]/.test(quote) &&
        quote.length >= 30 &&
        readsAsStory(quote, paragraphs[s.evidence[0]?.paragraph ?? 0]?.text ?? ""),
    )
    .map(({ s, order, quote }) => {
      const terms = [...new Set(contentTerms(quote))];
      const centrality = terms.reduce((sum, t) => sum + Math.min(3, (frequency.get(t) ?? 1) - 1), 0);
      const inTitle = terms.filter((t) => titleTerms.has(t)).length * 2;
      return { s, order, quote, terms, score: (centrality + inTitle) / Math.sqrt(terms.length + 4) };
    })
    .sort((a, b) => b.score - a.score);
  // The core: the most central statement, whatever its status, unless the lead already tells it (then
  // an account that only varies it is left out); after it, only what is confirmed.
  const central = (t: string) => (frequency.get(t) ?? 0) >= 2 || titleTerms.has(t);
  const leadTerms = new Set(contentTerms(lead));
  // The lede carries a story's core (the inverted pyramid): the first story paragraph weighs more here.
  const ledeAt = kept.find((p) => p.index > (first?.index ?? 0))?.index;
  const coreWeight = (c: Candidate) => c.score * (c.s.evidence[0]?.paragraph === ledeAt ? LEDE_WEIGHT : 1);
  const top = candidates.reduce<Candidate | undefined>(
    (best, c) => (!best || coreWeight(c) > coreWeight(best) ? c : best),
    undefined,
  );
  const topTerms = top?.terms.filter(central) ?? [];
  const core =
    top &&
    (top.s.status === "confirmed" || topTerms.filter((t) => leadTerms.has(t)).length <= topTerms.length / 2)
      ? top
      : undefined;
  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  let length = lead.length;
  for (const c of core ? [core, ...candidates] : candidates) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (chosen.includes(c) || (c !== core && c.s.status !== "confirmed")) continue;
    // Skip near-repeats of what is already said.
    const seen = c.terms.filter((t) => covered.has(t)).length / Math.max(1, c.terms.length);
    if (c !== core && c.terms.length > 0 && seen > 0.5) continue;
    if (length + c.quote.length > MAX_CHARS) continue;
    chosen.push(c);
    for (const t of c.terms) covered.add(t);
    length += c.quote.length + 1;
  }
  const body = chosen
    .sort((a, b) => a.order - b.order)
    .map((c) => `${LABEL[c.s.status] ?? ""}${sentence(c.quote)}`);
  return [lead, ...body].filter(Boolean).join(" ").trim();
}

function readsAsStory(quote: string, paragraph: string): boolean {
  return !CAPTION_LABEL.test(quote) && !FURNITURE.test(quote) && !CREDIT.test(paragraph);
}

/** Capitalised, ending in a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]["”']?$/.test(capital) ? capital : `${capital}.`;
}
