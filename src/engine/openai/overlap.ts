import type { Digest, Evidence, Statement } from "../../digest/schema.ts";

interface Span {
  paragraph: number;
  from: number;
  to: number;
}

/** Where each piece of evidence stands in its paragraph. */
function spans(evidence: Evidence[], paragraphs: Digest["paragraphs"]): Span[] {
  return evidence.flatMap((e) => {
    const from = paragraphs[e.paragraph]?.text.indexOf(e.quote) ?? -1;
    return from < 0 ? [] : [{ paragraph: e.paragraph, from, to: from + e.quote.length }];
  });
}

/**
 * A lookup of the digest's statements whose evidence shares any characters with given evidence: how the
 * model's reading is held against another reading of the same words. Indexed by paragraph, so the cost
 * stays linear in the number of statements.
 */
export function statementsOver(digest: Digest): (evidence: Evidence[]) => Statement[] {
  const byParagraph = new Map<number, { span: Span; statement: Statement }[]>();
  for (const statement of digest.statements)
    for (const span of spans(statement.evidence, digest.paragraphs)) {
      const list = byParagraph.get(span.paragraph) ?? [];
      list.push({ span, statement });
      byParagraph.set(span.paragraph, list);
    }
  return (evidence) => {
    const found = new Set<Statement>();
    for (const mine of spans(evidence, digest.paragraphs))
      for (const { span, statement } of byParagraph.get(mine.paragraph) ?? [])
        if (span.from < mine.to && mine.from < span.to) found.add(statement);
    return [...found];
  };
}
