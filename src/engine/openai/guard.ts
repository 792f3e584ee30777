import type { Digest, SourceKind, Statement, Warning } from "../../digest/schema.ts";
import { HEDGE } from "../lexicon.ts";
import { statementsOver } from "./overlap.ts";

const AUTHORITY: ReadonlySet<SourceKind> = new Set(["official", "police"]);

/**
 * Words that hand a sentence's content to someone other than the reporter: a reporting verb, "according
 * to", an identification credited to someone ("X named the driver as", "identified by X as"), or words
 * that open with a quotation mark (someone's speech; quotation marks inside narration are often scare
 * quotes or names, so they do not count). With any of them the words are relayed, not the reporter's own.
 */
const RELAYED =
  /\baccording to\b|\b(?:said|says|told|tells|reported|reports|reporting|claimed|claims|alleged|stated|announced|wrote|tweeted|citing|quoting)\b|(?<!\b(?:was|were|been|is|are|being) )\b(?:named|identified)\b[^.;]{1,80}?\bas\b|\b(?:named|identified) by\b|^\s*["“«]/i;

/**
 * Why a statement the model gives as the reporter's own narration (confirmed, no source) is not: the
 * offline reading of the same words attributes them to a source that is not an authority, its wording
 * relays someone else's account, or no offline reading of those words exists to agree. An authority on
 * the record in the offline reading keeps it confirmed.
 */
function notNarration(s: Statement, readings: Statement[], offline: Digest): string | undefined {
  const kindOf = (id: string) => offline.sources.find((x) => x.id === id);
  const attributed = readings.flatMap((o) => o.sources.map(kindOf)).filter((x) => x !== undefined);
  if (attributed.some((x) => AUTHORITY.has(x.kind))) return undefined;
  const first = attributed[0];
  if (first)
    return `given without a source, but the offline reading attributes it to ${first.name} (${first.kind})`;
  const relayed = RELAYED.exec(s.evidence.map((e) => e.quote).join(" "));
  if (relayed) return `given without a source, but its words relay someone else's account ('${relayed[0]}')`;
  if (readings.length === 0)
    return "given without a source, and the offline engine does not read these words as narration";
  return undefined;
}

/**
 * Guards against confident mistakes: a statement the model calls confirmed is downgraded when its own
 * evidence carries a hedge, when it rests on one non-authoritative source, when the offline engine read
 * the same words as disputed, unconfirmed or an open question, or when it is given as the reporter's
 * narration and the offline reading does not agree. The reason goes into its rationale.
 */
export function downgradeOverconfident(
  statements: Statement[],
  kindOf: (sourceId: string) => SourceKind,
  offline: Digest,
): Warning[] {
  const warnings: Warning[] = [];
  const readingsOf = statementsOver(offline);
  for (const s of statements) {
    if (s.status !== "confirmed") continue;
    const quotes = s.evidence.map((e) => e.quote).join(" ");
    const hedge = HEDGE.exec(quotes);
    const kinds = s.sources.map(kindOf);
    const readings = readingsOf(s.evidence);
    const offlineReading = readings.find((o) => o.status !== "confirmed");
    const unnarrated = s.sources.length === 0 ? notNarration(s, readings, offline) : undefined;
    let status: Statement["status"] | undefined;
    let reason = "";
    if (offlineReading) {
      status = offlineReading.status;
      reason = `the offline reading is ${offlineReading.status} (${offlineReading.rationale})`;
    } else if (hedge) {
      status = "unconfirmed";
      reason = `hedged: '${hedge[0]}'`;
    } else if (unnarrated) {
      status = "unconfirmed";
      reason = unnarrated;
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
