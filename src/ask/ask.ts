import type { Digest, Statement, Status } from "../digest/schema.ts";
import { contentTerms } from "../engine/text.ts";

export interface Answer {
  /** The status of what answers the question, or not_covered when the article does not say. */
  status: Status | "not_covered";
  text: string;
  statements: Statement[];
  paragraphs: number[];
}

const QUESTION_WORDS = new Set(
  [
    "what",
    "who",
    "whom",
    "where",
    "when",
    "why",
    "how",
    "which",
    "know",
    "known",
    "happen",
    "happened",
    "article",
    "story",
    "tell",
    "anything",
    "about",
    "there",
    "any",
  ].map((w) => w),
);

const STATUS_LEAD: Record<Status, string> = {
  confirmed: "Confirmed",
  unconfirmed: "Unconfirmed",
  disputed: "Disputed",
  unknown: "Not known yet",
};

/** Answers a reporter's plain question from the digest alone, citing paragraphs; never guesses. */
export function answerQuestion(digest: Digest, question: string): Answer {
  const wanted = [...new Set(contentTerms(question))].filter((t) => !QUESTION_WORDS.has(t));
  const sourceNames = new Map(digest.sources.map((s) => [s.id, s.name]));
  if (wanted.length === 0) return notCovered();
  // Rare words in the article weigh more: "identity" says more than "police".
  const docFrequency = new Map<string, number>();
  for (const s of digest.statements)
    for (const t of new Set(statementTerms(s, sourceNames)))
      docFrequency.set(t, (docFrequency.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log(1 + digest.statements.length / (docFrequency.get(t) ?? 0.5));
  const total = wanted.reduce((sum, t) => sum + weight(t), 0);
  const scored = digest.statements
    .map((s) => {
      const terms = new Set(statementTerms(s, sourceNames));
      const matched = wanted.filter((t) => terms.has(t));
      return { s, matched: matched.length, score: matched.reduce((sum, t) => sum + weight(t), 0) / total };
    })
    .filter((x) => x.matched > 0 && x.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return notCovered();
  const top = scored.filter((x) => x.score >= best.score * 0.8).slice(0, 3);
  const statements = top.map((x) => x.s);
  const status = best.s.status;
  const lines = statements.map((s) => {
    const who = s.sources
      .map((id) => sourceNames.get(id))
      .filter(Boolean)
      .join(", ");
    const where = s.evidence.map((e) => `¶${e.paragraph}`).join(", ");
    return `${STATUS_LEAD[s.status]}: ${s.claim} (${who ? `${who}, ` : ""}${where}; ${s.rationale})`;
  });
  return {
    status,
    text: lines.join("\n"),
    statements,
    paragraphs: [...new Set(statements.flatMap((s) => s.evidence.map((e) => e.paragraph)))],
  };
}

function statementTerms(s: Statement, sourceNames: Map<string, string>): string[] {
  return [
    ...contentTerms(s.evidence.map((e) => e.quote).join(" ")),
    ...s.sources.flatMap((id) => contentTerms(sourceNames.get(id) ?? "")),
  ];
}

function notCovered(): Answer {
  return { status: "not_covered", text: "The article does not say.", statements: [], paragraphs: [] };
}
