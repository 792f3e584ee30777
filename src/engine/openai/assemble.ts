import type { Evidence, Paragraph, Source, Statement, TimelineEvent, Warning } from "../../digest/schema.ts";
import { buildTimeline } from "../timeline.ts";
import { textWarnings } from "../warnings.ts";
import { locateQuote } from "./grounding.ts";
import type { ModelDigest } from "./model-schema.ts";
import { groundTitle } from "./title.ts";
import { inventedName, nameWords, ungroundedWording } from "./wording.ts";

export interface Grounded {
  paragraphs: Paragraph[];
  title: string;
  sources: Source[];
  statements: Statement[];
  timeline: TimelineEvent[];
  warnings: Warning[];
  /** Statements the model gave, and how many were dropped for quotes or sources not in the article. */
  proposed: number;
  dropped: number;
}

const norm = (s: string) => s.toLowerCase().normalize("NFKC").replace(/\s+/g, " ").trim();

/**
 * Turns the model's answers (one per chunk of the article) into one digest, keeping only what the
 * article supports: every quote found verbatim in the paragraph it cites, every source id known, every
 * junk paragraph real, every claim worded without quotations, names or numbers its evidence lacks (else
 * the evidence itself is the claim), the title found in the article (else `fallbackTitle`) and the
 * timeline rebuilt from the checked statements. Sources from different chunks merge by name and alias.
 */
export function assemble(texts: string[], parts: ModelDigest[], fallbackTitle: string): Grounded {
  const junk = new Map<number, string>();
  for (const part of parts)
    for (const j of part.junkParagraphs)
      if (j.paragraph > 0 && j.paragraph < texts.length) junk.set(j.paragraph, j.reason);
  const paragraphs: Paragraph[] = texts.map((text, index) => {
    const reason = junk.get(index);
    return reason
      ? { index, text, junk: true, reason: reason || "does not belong to the story" }
      : { index, text, junk: false };
  });

  const sources: Source[] = [];
  const byName = new Map<string, Source>();
  const ground = (evidence: { paragraph: number; quote: string }[]): Evidence[] | undefined => {
    const out: Evidence[] = [];
    for (const e of evidence) {
      const p = paragraphs[e.paragraph];
      const quote = p && !p.junk ? locateQuote(p.text, e.quote) : undefined;
      if (!quote) return undefined;
      out.push({ paragraph: e.paragraph, quote });
    }
    return out.length > 0 ? out : undefined;
  };

  // A source named with words the article never uses is invented: its id stays unknown, so the
  // statements resting on it are dropped; an alias or role the article does not support is left out.
  const articleWords = new Set(paragraphs.filter((p) => !p.junk).flatMap((p) => nameWords(p.text)));
  const named = (text: string) => inventedName(text, articleWords) === undefined;

  const statements: Statement[] = [];
  let proposed = 0;
  let dropped = 0;
  const reworded: string[] = [];
  // The headline travels with every chunk: a statement already read from the same words is not repeated.
  const seen = new Set<string>();
  parts.forEach((part) => {
    const ids = new Map<string, string>();
    for (const s of part.sources) {
      if (!named(s.name)) continue;
      const names = [s.name, ...s.aliases.filter(named)].map(norm);
      let source = names.map((n) => byName.get(n)).find((x) => x !== undefined);
      if (!source) {
        source = { id: `src${sources.length + 1}`, name: s.name, kind: s.kind, aliases: [], mentions: [] };
        if (s.role && named(s.role)) source.role = s.role;
        sources.push(source);
      }
      for (const alias of [s.name, ...s.aliases.filter(named)])
        if (alias !== source.name && !source.aliases.includes(alias)) source.aliases.push(alias);
      for (const n of names) byName.set(n, source);
      ids.set(s.id, source.id);
    }
    const statementIds = new Map<string, string>();
    const pending: { statement: Statement; conflicts: string[] }[] = [];
    for (const s of part.statements) {
      proposed++;
      const evidence = ground(s.evidence);
      const sourceIds = s.sources.map((id) => ids.get(id));
      if (!evidence || sourceIds.some((id) => id === undefined) || !s.claim.trim()) {
        dropped++;
        continue;
      }
      const signature = evidence.map((e) => `${e.paragraph}:${e.quote}`).join("|");
      if (seen.has(signature)) continue;
      seen.add(signature);
      const quotes = evidence.map((e) => e.quote);
      // An invented detail in the model's wording: serve the article's own words instead.
      const invented = ungroundedWording(s.claim, quotes);
      if (invented) reworded.push(invented);
      const statement: Statement = {
        id: `s${statements.length + pending.length + 1}`,
        claim: invented ? quotes.join(" … ") : s.claim,
        status: s.status,
        sources: sourceIds.filter((id): id is string => id !== undefined),
        evidence,
        rationale: invented
          ? `${s.rationale} (claim rebuilt from its evidence: ${invented})`.trim()
          : s.rationale,
      };
      statementIds.set(s.id, statement.id);
      pending.push({ statement, conflicts: s.conflictsWith });
    }
    for (const { statement, conflicts } of pending) {
      const linked = conflicts.map((c) => statementIds.get(c)).filter((c): c is string => c !== undefined);
      if (linked.length > 0) statement.conflictsWith = linked;
      statements.push(statement);
    }
  });

  // Mentions are found by us, not taken from the model: where each name or alias stands in the text.
  for (const source of sources)
    for (const p of paragraphs)
      for (const name of [source.name, ...source.aliases])
        if (!p.junk && p.text.includes(name) && !source.mentions.some((m) => m.paragraph === p.index)) {
          source.mentions.push({ paragraph: p.index, quote: name });
          break;
        }

  const warnings: Warning[] = [...textWarnings(paragraphs)];
  if (dropped > 0)
    warnings.push({
      kind: "ungrounded_dropped",
      message: `${dropped} of ${proposed} statements from the model were dropped: their quotes or sources are not in the article`,
    });
  if (reworded.length > 0)
    warnings.push({
      kind: "ungrounded_dropped",
      message: `the model's wording of ${reworded.length} claim${reworded.length === 1 ? "" : "s"} was dropped for the article's own words (${reworded[0]}${reworded.length > 1 ? ", …" : ""})`,
    });
  for (const s of sources.filter((x) => x.aliases.length > 0))
    warnings.push({
      kind: "names_merged",
      message: `'${s.name}' also appears as ${s.aliases.map((a) => `'${a}'`).join(", ")}`,
    });
  return {
    paragraphs,
    title: groundTitle(parts[0]?.title ?? "", paragraphs, fallbackTitle),
    sources,
    statements,
    // Only checked statements carry a time: the model's own timeline text is never served.
    timeline: buildTimeline(statements),
    warnings,
    proposed,
    dropped,
  };
}
