import type { Digest, Source, SourceKind, Statement, Warning } from "../../digest/schema.ts";
import { HEDGE } from "../lexicon.ts";
import { UNJUDGED_LANGUAGE } from "../warnings.ts";
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
 * Why a statement the model gives as the reporter's own narration (confirmed, with no source it can show)
 * is not: the offline reading of the same words attributes them to a source that is not an authority, its
 * wording relays someone else's account, or no offline reading of those words exists to agree. An
 * authority on the record in the offline reading keeps it confirmed. `given` says how the model gave it.
 */
function notNarration(
  given: string,
  s: Statement,
  readings: Statement[],
  offline: Digest,
): string | undefined {
  const kindOf = (id: string) => offline.sources.find((x) => x.id === id);
  const attributed = readings.flatMap((o) => o.sources.map(kindOf)).filter((x) => x !== undefined);
  if (attributed.some((x) => AUTHORITY.has(x.kind))) return undefined;
  const first = attributed[0];
  if (first) return `${given}, but the offline reading attributes it to ${first.name} (${first.kind})`;
  const relayed = RELAYED.exec(s.evidence.map((e) => e.quote).join(" "));
  if (relayed) return `${given}, but its words relay someone else's account ('${relayed[0]}')`;
  if (readings.length === 0) return `${given}, and the offline engine does not read these words as narration`;
  return undefined;
}

/**
 * Is the source named (by name or alias) in a paragraph of the evidence or the one before it, where a
 * reader would look for who is speaking? A source named nowhere near is no support for the words.
 */
function namedNear(source: Source, s: Statement, lowered: (index: number) => string): boolean {
  const names = [source.name, ...source.aliases].map((n) => n.toLowerCase());
  return s.evidence.some((e) =>
    [e.paragraph - 1, e.paragraph].some((i) => names.some((n) => lowered(i).includes(n))),
  );
}

/** How the model gave a confirmed statement, when it shows no source for it; undefined when it does. */
function unsupported(
  s: Statement,
  sourceOf: (id: string) => Source | undefined,
  lowered: (index: number) => string,
): string | undefined {
  if (s.sources.length === 0) return "given without a source";
  const given = s.sources.map(sourceOf).filter((x) => x !== undefined);
  if (given.some((x) => namedNear(x, s, lowered))) return undefined;
  return `given to ${given.map((x) => x.name).join(", ")}, not named in or just before its evidence`;
}

/**
 * Guards against confident mistakes: a statement the model calls confirmed is downgraded when its own
 * evidence carries a hedge, when it rests on one non-authoritative source, when the offline engine read
 * the same words as disputed, unconfirmed or an open question, or when it is given as the reporter's
 * narration (no source, or none named near its words) and the offline reading does not agree. The reason
 * goes into its rationale.
 */
export function downgradeOverconfident(
  statements: Statement[],
  sources: Source[],
  offline: Digest,
): Warning[] {
  const warnings: Warning[] = [];
  const sourceOf = (id: string) => sources.find((x) => x.id === id);
  const kindOf = (id: string): SourceKind => sourceOf(id)?.kind ?? "other";
  // Each paragraph lower-cased once, however many statements look at it.
  const loweredCache = new Map<number, string>();
  const lowered = (index: number) => {
    let text = loweredCache.get(index);
    if (text === undefined) {
      text = offline.paragraphs[index]?.text.toLowerCase() ?? "";
      loweredCache.set(index, text);
    }
    return text;
  };
  const readingsOf = statementsOver(offline);
  for (const s of statements) {
    if (s.status !== "confirmed") continue;
    const quotes = s.evidence.map((e) => e.quote).join(" ");
    const hedge = HEDGE.exec(quotes);
    const kinds = s.sources.map(kindOf);
    // A statement the offline engine could not judge (another language) is no reading to defer to.
    const readings = readingsOf(s.evidence).filter((o) => o.rationale !== UNJUDGED_LANGUAGE);
    const offlineReading = readings.find((o) => o.status !== "confirmed");
    const given = unsupported(s, sourceOf, lowered);
    const unnarrated = given ? notNarration(given, s, readings, offline) : undefined;
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
