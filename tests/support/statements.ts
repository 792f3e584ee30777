import type { Digest, Statement } from "../../src/digest/schema.ts";

/** The statement whose evidence holds the quote most tightly, as a reader (and the evaluator) looks it up. */
export function statementFor(digest: Digest, quote: string): Statement {
  const matches = digest.statements.filter((s) => s.evidence.some((e) => e.quote.includes(quote)));
  const best = matches.sort(
    (a, b) => (a.evidence[0]?.quote.length ?? 0) - (b.evidence[0]?.quote.length ?? 0),
  )[0];
  if (!best) throw new Error(`no statement quotes "${quote}"`);
  return best;
}

/** The names of the sources a statement credits, in its order, as a reader sees them. */
export function sourceNamesOf(digest: Digest, statement: Statement): (string | undefined)[] {
  return statement.sources.map((id) => digest.sources.find((s) => s.id === id)?.name);
}
