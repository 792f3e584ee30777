/**
 * Features of who says the sentences that match a claim (see voice.ts): narrated or attributed, by an
 * authority or relayed from media and unnamed sources, with which reporting verb, and the status the
 * digest reads, for the best match, the best few, the lead and the whole article.
 */
import type { ArticleIndex, IndexedSentence } from "./article-index.ts";
import { type ClaimFeatures, PARAMS } from "./claim-features.ts";
import { type Voice, voiceFor, voiceOf } from "./voice.ts";

export const VOICE_FEATURE_NAMES = [
  "best_attributed",
  "best_authority",
  "best_relayed",
  "best_cue_low",
  "best_cue_deny",
  "best_cue_admit",
  "best_confirmed",
  "best_unconfirmed",
  "best_disputed",
  "best_clause_hedged",
  "best_claim_in_content",
  "near_attributed",
  "near_authority",
  "near_relayed",
  "near_cue_low",
  "near_cue_deny",
  "near_confirmed",
  "near_unconfirmed",
  "near_disputed",
  "near_clause_hedged",
  "lead_attributed",
  "lead_confirmed",
  "lead_unconfirmed",
  "asserted_overlap",
  "relayed_overlap",
  "denied_overlap",
] as const;
type VoiceFeature = (typeof VOICE_FEATURE_NAMES)[number];

const flag = (b: boolean): number => (b ? 1 : 0);

/** Mean of a measurement over sentences' voices (0 for none). */
function share(voices: readonly Voice[], pick: (v: Voice) => boolean): number {
  if (voices.length === 0) return 0;
  let n = 0;
  for (const v of voices) if (pick(v)) n++;
  return n / voices.length;
}

/** Of the claim terms the sentence holds, the share inside the words it attributes to its source. */
function claimInContent(s: IndexedSentence, v: Voice, terms: readonly string[]): number {
  if (!v.attributed) return 0;
  let held = 0;
  let inside = 0;
  for (const t of terms) {
    if (!s.terms.has(t)) continue;
    held++;
    if (v.contentTerms.has(t)) inside++;
  }
  return held > 0 ? inside / held : 0;
}

/**
 * How closely the article matches the claim in sentences of each status: the best overlap among its
 * best-matching sentences that it asserts (its own voice or an authority on the record), that it only
 * relays (unconfirmed, unknown), and that someone denies.
 */
function overlapByStatus(f: ClaimFeatures): { asserted: number; relayed: number; denied: number } {
  const out = { asserted: 0, relayed: 0, denied: 0 };
  for (const m of f.matches.slice(0, PARAMS.nearCount)) {
    if (m.overlap < PARAMS.nearOverlap) break;
    const status = voiceFor(m.sentence, f.terms).status;
    const key = status === "confirmed" ? "asserted" : status === "disputed" ? "denied" : "relayed";
    out[key] = Math.max(out[key], m.overlap);
  }
  return out;
}

export function voiceFeatures(
  index: ArticleIndex,
  f: ClaimFeatures,
  near: readonly IndexedSentence[],
): number[] {
  const best = near[0];
  const b = best ? voiceFor(best, f.terms) : undefined;
  const local = near.slice(0, PARAMS.localCount).map((s) => voiceFor(s, f.terms));
  const lead = index.sentences.slice(0, PARAMS.leadSentences).map(voiceOf);
  const byStatus = overlapByStatus(f);
  const x: Record<VoiceFeature, number> = {
    best_attributed: flag(b?.attributed === true),
    best_authority: flag(b?.authority === true),
    best_relayed: flag(b?.relayed === true),
    best_cue_low: flag(b?.cue === "low"),
    best_cue_deny: flag(b?.cue === "deny"),
    best_cue_admit: flag(b?.cue === "admit"),
    best_confirmed: flag(b?.status === "confirmed"),
    best_unconfirmed: flag(b?.status === "unconfirmed"),
    best_disputed: flag(b?.status === "disputed"),
    best_clause_hedged: flag(b?.hedged === true),
    best_claim_in_content: best ? claimInContent(best, voiceOf(best), f.terms) : 0,
    near_attributed: share(local, (v) => v.attributed),
    near_authority: share(local, (v) => v.authority),
    near_relayed: share(local, (v) => v.relayed),
    near_cue_low: share(local, (v) => v.cue === "low"),
    near_cue_deny: share(local, (v) => v.cue === "deny"),
    near_confirmed: share(local, (v) => v.status === "confirmed"),
    near_unconfirmed: share(local, (v) => v.status === "unconfirmed"),
    near_disputed: share(local, (v) => v.status === "disputed"),
    near_clause_hedged: share(local, (v) => v.hedged),
    lead_attributed: share(lead, (v) => v.attributed),
    lead_confirmed: share(lead, (v) => v.status === "confirmed"),
    lead_unconfirmed: share(lead, (v) => v.status === "unconfirmed"),
    asserted_overlap: byStatus.asserted,
    relayed_overlap: byStatus.relayed,
    denied_overlap: byStatus.denied,
  };
  return VOICE_FEATURE_NAMES.map((name) => x[name]);
}
