import { z } from "zod";
import { type Digest, type Statement, StatementSchema, type Status, StatusSchema } from "../digest/schema.ts";
import type { Passage } from "./passages.ts";
import type { Question } from "./question.ts";
import { holds, rankPassages, type Scored } from "./rank.ts";
import { contentTerms, keySet } from "./terms.ts";

export const AnswerSchema = z.object({
  /** The status of what answers the question, or not_covered when the article does not say. */
  status: z.union([StatusSchema, z.literal("not_covered")]),
  text: z.string(),
  statements: z.array(StatementSchema),
  paragraphs: z.array(z.number().int()),
});
export type Answer = z.infer<typeof AnswerSchema>;

const STATUS_LEAD: Record<Status, string> = {
  confirmed: "Confirmed",
  unconfirmed: "Unconfirmed",
  disputed: "Disputed",
  unknown: "Not known yet",
};

/** At most this many paragraphs are cited; the others must score within TIE_MARGIN of the best. */
const MAX_CITED = 2;
const TIE_MARGIN = 0.03;

/**
 * Answers a reporter's plain question from the digest alone, by meaning (see rank.ts), citing paragraphs;
 * says "The article does not say." when no sentence holds the question's content in the shape it asks for.
 */
export function answerQuestion(digest: Digest, question: string): Answer {
  const { question: q, answering } = rankPassages(digest, question);
  const best = answering[0];
  if (!best) return notCovered();
  // Passages that answer as well as the best, in other paragraphs, are cited beside it.
  const chosen = [best];
  for (const s of answering.slice(1)) {
    if (chosen.length >= MAX_CITED || s.score < best.score - TIE_MARGIN) break;
    if (!chosen.some((c) => c.passage.paragraph === s.passage.paragraph)) chosen.push(s);
  }
  return answerFrom(digest, q, chosen);
}

/** The statement of a passage that says most of what the question asks (a sentence may hold several). */
function statementFor(q: Question, p: Passage): Statement | undefined {
  if (p.statements.length <= 1) return p.statements[0];
  let best = p.statements[0];
  let bestHits = -1;
  for (const s of p.statements) {
    const keys = keySet(contentTerms(s.claim));
    const hits = q.terms.filter((t) => holds(keys, t)).length;
    if (hits > bestHits) {
      best = s;
      bestHits = hits;
    }
  }
  return best;
}

/** One line of an answer: the status, what the article says, who says it and where. */
function answerLine(
  digest: Digest,
  q: Question,
  p: Passage,
): { line: string; status: Status; statement?: Statement } {
  const statement = statementFor(q, p);
  // A sentence no statement covers is the article's own text, not served as confirmed on the engine's behalf.
  const status: Status = statement?.status ?? "unconfirmed";
  const who = (statement?.sources ?? [])
    .map((id) => digest.sources.find((s) => s.id === id)?.name)
    .filter(Boolean)
    .join(", ");
  const body = statement
    ? `${statement.claim} (${who ? `${who}, ` : ""}¶${p.paragraph}; ${statement.rationale})`
    : `"${p.text}" (¶${p.paragraph})`;
  const lead = STATUS_LEAD[status];
  const line =
    q.kind === "who" && who && status !== "unknown" ? `${lead}: ${who} — ${body}` : `${lead}: ${body}`;
  return statement ? { line, status, statement } : { line, status };
}

function answerFrom(digest: Digest, q: Question, chosen: readonly Scored[]): Answer {
  const lines = chosen.map((c) => answerLine(digest, q, c.passage));
  return {
    status: lines[0]?.status ?? "unconfirmed",
    text: lines.map((l) => l.line).join("\n"),
    statements: [...new Set(lines.flatMap((l) => (l.statement ? [l.statement] : [])))],
    paragraphs: [...new Set(chosen.map((c) => c.passage.paragraph))],
  };
}

function notCovered(): Answer {
  return { status: "not_covered", text: "The article does not say.", statements: [], paragraphs: [] };
}
