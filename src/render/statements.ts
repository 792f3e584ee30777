import type { Digest, Statement } from "../digest/schema.ts";

/**
 * "claim — Source (¶7)": one statement as a reporter reads it. Replies pass `safe` so article text cannot
 * ping or break the layout; the CLI prints it as written.
 */
export function statementLine(
  digest: Digest,
  s: Statement,
  clean: (text: string) => string = (t) => t,
): string {
  const names = s.sources
    .map((id) => digest.sources.find((x) => x.id === id)?.name)
    .filter((n): n is string => n !== undefined)
    .map(clean);
  const where = [...new Set(s.evidence.map((e) => `¶${e.paragraph}`))].join(", ");
  return `${clean(s.claim)} — ${names.length > 0 ? names.join(", ") : "the article"} (${where})`;
}

export function byStatus(digest: Digest, ...statuses: Statement["status"][]): Statement[] {
  return digest.statements.filter((s) => statuses.includes(s.status));
}

export function statusCounts(digest: Digest): string {
  const n = (status: Statement["status"]) => byStatus(digest, status).length;
  const open = n("unknown");
  return `${n("confirmed")} confirmed · ${n("unconfirmed")} unconfirmed · ${n("disputed")} disputed · ${open} open question${open === 1 ? "" : "s"}`;
}
