import type { Digest, SourceKind, Statement, Warning } from "../../digest/schema.ts";
import { HEDGE } from "../lexicon.ts";
import { UNJUDGED_LANGUAGE } from "../warnings.ts";

const AUTHORITY: ReadonlySet<SourceKind> = new Set(["official", "police"]);

/** Do two pieces of evidence cover the same words of the same paragraph? */
function overlaps(a: Statement, b: Statement): boolean {
  return a.evidence.some((x) =>
    b.evidence.some(
      (y) => x.paragraph === y.paragraph && (x.quote.includes(y.quote) || y.quote.includes(x.quote)),
    ),
  );
}

/**
 * Guards against confident mistakes: a statement the model calls confirmed is downgraded when its own
 * evidence carries a hedge, when it rests on one non-authoritative source, or when the offline engine read
 * the same words as disputed, unconfirmed or an open question. The reason goes into its rationale.
 */
export function downgradeOverconfident(
  statements: Statement[],
  kindOf: (sourceId: string) => SourceKind,
  offline: Digest,
): Warning[] {
  const warnings: Warning[] = [];
  for (const s of statements) {
    if (s.status !== "confirmed") continue;
    const quotes = s.evidence.map((e) => e.quote).join(" ");
    const hedge = HEDGE.exec(quotes);
    const kinds = s.sources.map(kindOf);
    // A statement the offline engine could not judge (another language) is no reading to defer to.
    const offlineReading = offline.statements.find(
      (o) => o.status !== "confirmed" && o.rationale !== UNJUDGED_LANGUAGE && overlaps(s, o),
    );
    let status: Statement["status"] | undefined;
    let reason = "";
    if (offlineReading) {
      status = offlineReading.status;
      reason = `the offline reading is ${offlineReading.status} (${offlineReading.rationale})`;
    } else if (hedge) {
      status = "unconfirmed";
      reason = `hedged: '${hedge[0]}'`;
    } else if (kinds.length === 1 && !AUTHORITY.has(kinds[0] ?? "other") && kinds[0] !== "other") {
      status = "unconfirmed";
      reason = `a single ${kinds[0]} source`;
    }
    if (!status) continue;
    s.status = status;
    s.rationale = `downgraded from confirmed: ${reason}`;
    warnings.push({
      kind: "status_downgraded",
      message: `"${s.claim.slice(0, 80)}" was marked confirmed by the model; now ${status}: ${reason}`,
      paragraphs: [...new Set(s.evidence.map((e) => e.paragraph))],
    });
  }
  return warnings;
}
