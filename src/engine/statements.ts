import type { Paragraph, Statement } from "../digest/schema.ts";
import { type Attribution, findAttribution } from "./attribution.ts";
import { parseSourcePhrase } from "./source-phrase.ts";
import type { SourceRegistry } from "./sources.ts";
import { readStatus } from "./status.ts";
import { analysisView, splitSentences, trimSpan } from "./text.ts";

/** A clause boundary worth splitting at: a conjunction followed by a new subject and a finite verb. */
const CLAUSE_BREAK =
  /(?:,\s*|\s+)(?:and|but|while|whereas)\s+(?=(?:the|a|an|his|her|their|its|this|that|these|those|one|another|some|no|he|she|they|it|we|i|\p{Lu}[\p{L}-]*)\b[^,;]{0,60}?\b(?:was|were|is|are|has|have|had|will|would|could|can|did|do|does|[a-z]+ed)\b)|;\s+/gu;

const MIN_WORDS = 3;

interface Clause {
  start: number; // offsets within the sentence
  end: number;
}

function clauseBreaks(sentence: string, from: number): Clause[] {
  const parts: Clause[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = from;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    parts.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  parts.push({ start, end: sentence.length });
  return parts;
}

export interface ExtractContext {
  paragraphs: Paragraph[];
  registry: SourceRegistry;
}

/** Reads every kept sentence into statements: who said it, how sure it is, and where it stands. */
export function extractStatements({ paragraphs, registry }: ExtractContext): Statement[] {
  const statements: Statement[] = [];
  const next = () => `s${statements.length + 1}`;
  for (const paragraph of paragraphs) {
    if (paragraph.junk) continue;
    const view = analysisView(paragraph.text);
    let previous: { attribution: Attribution; sourceId: string | undefined } | undefined;
    for (const sentence of splitSentences(view)) {
      if (sentence.text.split(/\s+/).length < MIN_WORDS) continue;
      let attribution = findAttribution(sentence.text);
      let sourceId: string | undefined;
      let sourceName: string | undefined;
      let cue: string | undefined;
      if (attribution) {
        const phrase = sentence.text.slice(attribution.source.start, attribution.source.end);
        const parsed = parseSourcePhrase(phrase);
        const rawPhrase = paragraph.text.slice(
          sentence.start + attribution.source.start,
          sentence.start + attribution.source.end,
        );
        sourceId = registry.add(parsed, { paragraph: paragraph.index, quote: rawPhrase });
        cue = attribution.cue;
      } else if (previous && /^["“'‘]/.test(sentence.text)) {
        // A quote that follows an attributed sentence continues the same speaker.
        sourceId = previous.sourceId;
        cue = previous.attribution.cue;
        attribution = null;
      }
      if (sourceId) sourceName = registry.displayName(sourceId);
      const contentStart = attribution?.content.start ?? 0;
      const source = sourceId
        ? { name: sourceName ?? "", kind: registry.kindOf(sourceId), anonymous: registry.isAnonymous(sourceId) }
        : undefined;

      // Clause level: split only where the clauses read differently (a hedge on one side only).
      let clauses = clauseBreaks(sentence.text, contentStart);
      const readings = clauses.map((c) =>
        readStatus({
          text: sentence.text.slice(Math.max(c.start, contentStart), c.end),
          ...(cue ? { cue } : {}),
          ...(source ? { source } : {}),
        }),
      );
      const differ = readings.some((r) => r.status !== readings[0]?.status);
      if (!differ) clauses = [{ start: 0, end: sentence.text.length }];
      clauses.forEach((clause, i) => {
        const span = trimSpan(sentence.text, clause.start, clause.end);
        if (span.text.split(/\s+/).length < MIN_WORDS) return;
        const claimStart = Math.max(span.start, clauses.length === 1 ? contentStart : clause.start);
        const claimEnd = attribution && clauses.length === 1 ? attribution.content.end : span.end;
        const claim = trimSpan(sentence.text, Math.max(claimStart, span.start), Math.max(claimEnd, claimStart)).text;
        const reading = differ
          ? (readings[i] ?? readings[0])
          : readStatus({
              text: attribution ? sentence.text.slice(attribution.content.start, attribution.content.end) : span.text,
              ...(cue ? { cue } : {}),
              ...(source ? { source } : {}),
            });
        if (!reading) return;
        const quote = paragraph.text.slice(sentence.start + span.start, sentence.start + span.end);
        const sources = sourceId ? [sourceId] : [];
        if (reading.responsibilityClaim) {
          const claimant = claimantOf(span.text, attribution);
          if (claimant) {
            const id = registry.add(parseSourcePhrase(claimant), {
              paragraph: paragraph.index,
              quote: claimant,
            });
            if (id) {
              registry.markKind(id, "claimant");
              if (!sources.includes(id)) sources.push(id);
            }
          } else if (sourceId) registry.markKind(sourceId, "claimant");
        }
        statements.push({
          id: next(),
          claim: claim || span.text,
          status: reading.status,
          sources,
          evidence: [{ paragraph: paragraph.index, quote }],
          rationale: reading.rationale,
        });
      });
      previous = attribution ? { attribution, sourceId } : previous;
    }
  }
  return statements;
}

/** "X has claimed responsibility" inside the content: X is the claimant, not the reporting source. */
function claimantOf(clause: string, attribution: Attribution | null): string | undefined {
  const m = /(?:^|,\s*)((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4})\s+(?:has|have|had)?\s*claimed\b/u.exec(clause);
  if (m?.[1]) return m[1];
  if (attribution?.cue === "claimed by") return clause.slice(attribution.source.start, attribution.source.end);
  return undefined;
}
