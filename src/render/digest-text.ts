import type { Digest } from "../digest/schema.ts";
import { readingNotice } from "./reading-notice.ts";
import { byStatus, statementLine, statusCounts } from "./statements.ts";

/** The readable digest the CLI prints: what we know, what we don't, who said it. */
export function renderDigestText(digest: Digest): string {
  const out: string[] = [];
  const notice = readingNotice(digest);
  if (notice) out.push(notice, "");
  out.push(digest.title, "", digest.summary, "", statusCounts(digest), "");
  out.push("What we know");
  for (const s of byStatus(digest, "confirmed")) out.push(`  - ${statementLine(digest, s)}`);
  out.push("", "What we don't know");
  for (const s of byStatus(digest, "unknown")) out.push(`  ? ${statementLine(digest, s)}`);
  for (const s of byStatus(digest, "disputed"))
    out.push(`  ! disputed: ${statementLine(digest, s)} [${s.rationale}]`);
  for (const s of byStatus(digest, "unconfirmed"))
    out.push(`  ~ unconfirmed: ${statementLine(digest, s)} [${s.rationale}]`);
  out.push("", "Sources");
  for (const src of digest.sources) {
    const aka = src.aliases.length > 0 ? ` (also: ${src.aliases.join(", ")})` : "";
    out.push(`  - ${src.name} [${src.kind}]${src.role ? `, ${src.role}` : ""}${aka}`);
  }
  if (digest.warnings.length > 0) {
    out.push("", "Warnings");
    for (const w of digest.warnings) out.push(`  * ${w.message}`);
  }
  return out.join("\n");
}
