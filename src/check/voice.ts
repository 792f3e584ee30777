/**
 * Who says a sentence, read with the digest's own who-said-what machinery (engine/attribution*.ts,
 * source-phrase.ts, status.ts): whether the reporter narrates it or cites someone, what kind of source,
 * with which reporting verb, and the status the digest would give it. An article that agrees with a
 * claim states it in its own voice or through an authority on the record; one that only discusses it
 * relays someone else's account; one that disagrees cites a denial. Claim-independent: memoised per
 * indexed sentence, like its polarity.
 */
import type { Status } from "../digest/schema.ts";
import { findAttributions } from "../engine/attribution.ts";
import { learnedAttributions } from "../engine/attribution-learned.ts";
import { isFragmentSource, leadingFragmentLength } from "../engine/attribution-source.ts";
import { claimSpine } from "../engine/clause-scope.ts";
import { isDenial } from "../engine/denial.ts";
import { ADMISSION_CUES, LOW_COMMITMENT_CUES } from "../engine/lexicon.ts";
import { parseSourcePhrase } from "../engine/source-phrase.ts";
import { hedgeIn, readStatus } from "../engine/status.ts";
import { memoizeWeak } from "../util/weak-memo.ts";
import type { IndexedSentence } from "./article-index.ts";
import { termsOf } from "./terms.ts";

/** The reporting verb's commitment: neutral ("said"), low ("claimed", "alleged"), a denial, an admission. */
export type CueClass = "neutral" | "low" | "deny" | "admit";

export interface Voice {
  /** Someone other than the reporter says it. */
  attributed: boolean;
  /** The source is an authority on the record (officials, police). */
  authority: boolean;
  /** The source is unnamed, or media/social relaying it. */
  relayed: boolean;
  cue?: CueClass;
  /** The status the digest reads for the sentence's content. */
  status: Status;
  /** A hedge inside the content's own clause (not in an aside beside it). */
  hedged: boolean;
  /** Content terms of the attributed words (all of the sentence's when narrated). */
  contentTerms: ReadonlySet<string>;
  /**
   * The reporter's own words around an attribution ("The bridge was closed after inspectors found
   * cracks"), read as narration: a claim that matches them is stated, whatever the cited words are.
   */
  rest?: Voice;
}

const CONFIRM_CUE = /^(?:has\s+)?(?:confirmed|confirms|verified|verifies)$/i;

function cueClass(cue: string, content: string): CueClass {
  if (isDenial(cue, content)) return "deny";
  if (LOW_COMMITMENT_CUES.test(cue)) return "low";
  if (ADMISSION_CUES.test(cue) || CONFIRM_CUE.test(cue)) return "admit";
  return "neutral";
}

function readVoice(text: string): Voice {
  // As the digest does: the rules' speaker first, the learned tagger's where the rules find none.
  const ruled = findAttributions(text);
  const found = ruled.length > 0 ? ruled : learnedAttributions(text);
  for (const a of found) {
    const raw = text.slice(a.source.start, a.source.end);
    const phrase = raw.slice(leadingFragmentLength(raw));
    if (isFragmentSource(phrase)) continue;
    const parsed = parseSourcePhrase(phrase);
    const content = text.slice(a.content.start, a.content.end);
    const frame =
      !a.inverted && a.source.start < a.content.start
        ? text.slice(a.source.start, a.content.start)
        : undefined;
    const source = {
      name: parsed.name,
      kind: parsed.kind,
      anonymous: parsed.anonymous,
      person: parsed.person,
    };
    const status = readStatus({ text: content, cue: a.cue, source, ...(frame ? { frame } : {}) }).status;
    const from = Math.min(a.source.start, a.content.start);
    const to = Math.max(a.source.end, a.content.end);
    const rest = `${text.slice(0, from)} ${text.slice(to)}`.trim();
    return {
      attributed: true,
      authority: !parsed.anonymous && (parsed.kind === "official" || parsed.kind === "police"),
      relayed:
        parsed.anonymous || parsed.kind === "media" || parsed.kind === "agency" || parsed.kind === "social",
      cue: cueClass(a.cue, content),
      status,
      hedged: hedgeIn(claimSpine(content)) !== undefined,
      contentTerms: new Set(termsOf(content)),
      ...(rest.split(/\s+/).length >= MIN_REST_WORDS ? { rest: narrated(rest) } : {}),
    };
  }
  return narrated(text);
}

/** Fewer words around an attribution than this are its adjuncts ("on Monday"), not a claim. */
const MIN_REST_WORDS = 4;

function narrated(text: string): Voice {
  return {
    attributed: false,
    authority: false,
    relayed: false,
    status: readStatus({ text }).status,
    hedged: hedgeIn(claimSpine(text)) !== undefined,
    contentTerms: new Set(termsOf(text)),
  };
}

/** The sentence's voice, read once per indexed sentence. */
export const voiceOf = memoizeWeak((s: IndexedSentence): Voice => readVoice(s.text));

/**
 * The voice a claim is read in: the cited words' when they hold more of the claim's terms than the
 * reporter's words around them, else the reporter's.
 */
export function voiceFor(s: IndexedSentence, terms: readonly string[]): Voice {
  const v = voiceOf(s);
  if (!v.rest) return v;
  let cited = 0;
  let own = 0;
  for (const t of terms) {
    if (v.contentTerms.has(t)) cited++;
    else if (v.rest.contentTerms.has(t)) own++;
  }
  return own > cited ? v.rest : v;
}
