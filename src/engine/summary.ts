import type { Paragraph, Statement } from "../digest/schema.ts";
import { contentTerms } from "./text.ts";

const MAX_SENTENCES = 3;
const MAX_CHARS = 700;

/**
 * A few sentences built only from confirmed statements of kept paragraphs, ranked by how central their
 * words are to the story (shared with the headline and repeated across paragraphs). Unconfirmed claims
 * are never stated as fact, so they are left out rather than reworded.
 */
export function buildSummary(title: string, paragraphs: Paragraph[], statements: Statement[]): string {
  const kept = paragraphs.filter((p) => !p.junk);
  const frequency = new Map<string, number>();
  for (const p of kept)
    for (const t of new Set(contentTerms(p.text))) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const titleTerms = new Set(contentTerms(title));
  const candidates = statements
    .filter((s) => s.status === "confirmed" && (s.evidence[0]?.paragraph ?? 0) > 0)
    .filter((s) => !/^["“'‘]/.test(s.evidence[0]?.quote ?? "") && (s.evidence[0]?.quote.length ?? 0) >= 30)
    .map((s, order) => {
      const terms = [...new Set(contentTerms(s.evidence[0]?.quote ?? ""))];
      const centrality = terms.reduce((sum, t) => sum + Math.min(3, (frequency.get(t) ?? 1) - 1), 0);
      const headline = terms.filter((t) => titleTerms.has(t)).length * 2;
      return { s, order, score: (centrality + headline) / Math.sqrt(terms.length + 4) };
    })
    .sort((a, b) => b.score - a.score);
  const chosen: typeof candidates = [];
  const covered = new Set<string>();
  let length = title.length;
  for (const c of candidates) {
    if (chosen.length >= MAX_SENTENCES) break;
    const quote = c.s.evidence[0]?.quote ?? "";
    const terms = contentTerms(quote);
    // Skip near-repeats of what is already said.
    if (terms.length > 0 && terms.filter((t) => covered.has(t)).length / terms.length > 0.5) continue;
    if (length + quote.length > MAX_CHARS) continue;
    chosen.push(c);
    for (const t of terms) covered.add(t);
    length += quote.length + 1;
  }
  const sentences = chosen
    .sort((a, b) => a.order - b.order)
    .map((c) => {
      const q = (c.s.evidence[0]?.quote ?? "").trim();
      const capital = q.charAt(0).toUpperCase() + q.slice(1);
      return /[.!?]["”']?$/.test(capital) ? capital : `${capital}.`;
    });
  const lead = /[.!?]$/.test(title) ? title : `${title}.`;
  return [lead, ...sentences].join(" ").trim();
}
