import type { Paragraph, Statement } from "../digest/schema.ts";
import { analysisView, type Span, splitSentences, trimSpan } from "../nlp/text.ts";
import { type Attribution, findAttributions, quoteIntro, type Range, speakerLabel } from "./attribution.ts";
import { learnedAttributions } from "./attribution-learned.ts";
import { isFragmentSource, leadingFragmentLength } from "./attribution-source.ts";
import { asidesOf, isVerblessLine } from "./clause-scope.ts";
import { describedKinds } from "./source-descriptions.ts";
import { parseSourcePhrase } from "./source-phrase.ts";
import type { SourceRegistry } from "./sources.ts";
import { readAside, readStatus, type StatusReading } from "./status.ts";

/**
 * How sure the learned tagger must be of a cue to add its speaker to a sentence where the rules found
 * another ("A said B wants C": the rules find A, the tagger B).
 */
const EXTEND_MARGIN = 0;
const OPEN_QUESTION_SUBJECT = /(?<!\p{L})(?:whether|if)\s+[^,;:.!?"“”]{0,40}$/iu;

/** A clause boundary worth splitting at: a conjunction followed by a new subject and a finite verb. */
const CLAUSE_BREAK =
  /(?:,\s*|\s+)(?:and|but|while|whereas)\s+(?=(?:the|a|an|his|her|their|its|this|these|those|one|another|some|no|he|she|they|it|we|i|\p{Lu}[\p{L}-]*)\b[^,;]{0,60}?\b(?:was|were|is|are|has|have|had|will|would|could|can|did|do|does|[a-z]+ed)\b)|;\s+|,?\s+but\s+(?=(?:also\s+)?(?:said|says|added|do|does|did|noted|stressed|warned|cautioned)\b)|(?<=[.!?](?:''|["”]))\s+(?=\p{Lu})/gu;

const MIN_WORDS = 3;

interface Clause {
  start: number; // offsets within the sentence
  end: number;
}

function clauseBreaks(sentence: string, from: number): Clause[] {
  const parts: Clause[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = from;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    parts.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  parts.push({ start, end: sentence.length });
  return parts;
}

export interface ExtractContext {
  paragraphs: Paragraph[];
  registry: SourceRegistry;
}

interface Reading {
  sentence: Span;
  attribution: Attribution | null;
  /** Source ids, the outer (reporting) source first. */
  sourceIds: string[];
  cue: string | undefined;
  /** Quote region of the paragraph the sentence belongs to, if it opens inside one. */
  region: number;
  /** The speaker is a pronoun with no compatible antecedent: "she" when no woman was named before. */
  unresolved?: string;
  /**
   * Speakers of later clauses inside the first speaker's words: "A said X, but police said Y" (police
   * say Y; A does not).
   */
  inner?: InnerSpeaker[];
  /** Source ids heard only in those later clauses. */
  laterOnly?: string[];
}

interface Speaker {
  attribution: Attribution;
  id: string;
}

/** A later speaker, and where the turn before them ("…, but") begins: their clause's cut. */
interface InnerSpeaker extends Speaker {
  turn: number;
}

interface QuoteRegion extends Range {
  /** The paragraph ends before the quote closes: it runs on into the next paragraph. */
  openEnd: boolean;
}

/** Quotations in a paragraph: “curly”, "straight" and ''doubled'' marks; a stray ” opening a paragraph opens one. */
function quoteRegions(t: string): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let open = -1;
  let mark = "";
  const close = (end: number) => {
    out.push({ start: open, end, openEnd: false });
    open = -1;
  };
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === "“") {
      if (open < 0) [open, mark] = [i, "“"];
    } else if (c === "”") {
      if (open >= 0 && mark !== "''") close(i + 1);
      else if (open < 0 && (i === 0 || /\s/.test(t[i - 1] ?? ""))) [open, mark] = [i, "“"];
    } else if (c === '"') {
      if (open < 0) [open, mark] = [i, '"'];
      else if (mark !== "''") close(i + 1);
    } else if (c === "'" && t[i + 1] === "'") {
      if (open < 0) [open, mark] = [i, "''"];
      else if (mark === "''") close(i + 2);
      i++;
    }
  }
  if (open >= 0) out.push({ start: open, end: t.length, openEnd: true });
  return out;
}

/** Index of the first region whose `end` is past `pos` (regions are in order and do not overlap). */
function firstEndingAfter(regions: QuoteRegion[], pos: number): number {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((regions[mid]?.end ?? 0) > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The region strictly containing `pos`, or -1: found by bisection, as a paragraph may hold thousands. */
function regionContaining(regions: QuoteRegion[], pos: number): number {
  const i = firstEndingAfter(regions, pos);
  const r = regions[i];
  return r && r.start < pos && pos < r.end ? i : -1;
}

const NAME_MARK = "\u0001";

/**
 * The sentence splitter ends a sentence at a quotation's closing “?”” or “.””, cutting off its
 * attribution: "“Who knows?” Smith asked." / "“We stand together.” ― Jane Roe". Such a tail is
 * joined back to the quotation when the two read as one attribution whose speaker is in the tail.
 */
function joinAttributionTails(view: string, sentences: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const prev = out.at(-1);
    if (prev && /[.?!…]\s*(?:["”]|'')$/.test(prev.text) && s.text.split(/\s+/).length <= 16) {
      const merged = trimSpan(view, prev.start, s.end);
      const tailAt = s.start - prev.start;
      if (findAttributions(merged.text).some((a) => a.source.start >= tailAt && a.content.start < tailAt)) {
        out[out.length - 1] = merged;
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

// "— Jane Roe (@janeroe) May 2, 2016": the signature line under an embedded post.
const POST_SIGNATURE =
  /^\s*[—―–-]{1,2}\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})\s*\(@\w{1,30}\)/u;

/** The name signing an embedded post, when the paragraph is its signature line. */
function signatureOf(text: string): string | undefined {
  return POST_SIGNATURE.exec(text)?.[1];
}

/** Reads every kept sentence into statements: who said it, how sure it is, and where it stands. */
export function extractStatements({ paragraphs, registry }: ExtractContext): Statement[] {
  const statements: Statement[] = [];
  const next = () => `s${statements.length + 1}`;
  registry.learnDescriptions(describedKinds(paragraphs.filter((p) => !p.junk).map((p) => p.text)));
  // A speaker who runs on into the next paragraph: "Smith continued:" or a quote left open.
  let carry: { sourceIds: string[]; cue: string } | undefined;
  // The speaker of the last quotation of the paragraph before, if it ended on one.
  let lastQuoted: { sourceIds: string[]; cue: string } | undefined;
  paragraphs.forEach((paragraph, at) => {
    if (paragraph.junk) {
      carry = undefined;
      lastQuoted = undefined;
      return;
    }
    // An embedded post's signature line says who wrote the paragraph above it; it is no claim itself.
    if (signatureOf(paragraph.text)) return;
    const below = paragraphs[at + 1];
    const signer = below && signatureOf(below.text);
    const view = analysisView(paragraph.text);
    let unresolved: string | undefined;
    const register = (phrase: Range, offset: number): string | undefined => {
      // "Still, the fund", "Friday, he": an opening connective or date is not part of the speaker.
      const start =
        offset + phrase.start + leadingFragmentLength(view.slice(offset + phrase.start, offset + phrase.end));
      const words = view.slice(start, offset + phrase.end);
      // "However", "Some", "Friday", "10:30 a.m.", a dash: a fragment is never a speaker.
      if (isFragmentSource(words)) return undefined;
      const parsed = parseSourcePhrase(words);
      const quote = paragraph.text.slice(start, offset + phrase.end);
      const id = registry.add(parsed, { paragraph: paragraph.index, quote });
      if (!id && parsed.pronoun) unresolved = quote;
      return id;
    };
    const regions = quoteRegions(view);
    const label = speakerLabel(view);
    const labelId = label
      ? register(label.source, 0)
      : signer
        ? registry.add(parseSourcePhrase(signer), { paragraph: below.index, quote: signer })
        : undefined;
    const all = joinAttributionTails(view, splitSentences(view));

    // Pass 1, in reading order so that "he" and "she" find the last person named: own attributions.
    const readings: Reading[] = [];
    for (const sentence of all) {
      if (sentence.text.split(/\s+/).length < MIN_WORDS) continue;
      const lead = /^\s*(?:["“”]|'')/.exec(sentence.text)?.[0].length ?? 0;
      const at = sentence.start + lead;
      const region = regionContaining(regions, at);
      // Words inside quotation marks are the speaker's own: "“I told them so,” she said" cites her, not "I".
      // "It was not clear whether anyone at X wrote it": the subject of an open question is not a speaker.
      const outsideQuotes = (a: Attribution) => {
        const src = sentence.start + a.source.start;
        return (
          regionContaining(regions, src) < 0 &&
          !OPEN_QUESTION_SUBJECT.test(sentence.text.slice(0, a.source.start))
        );
      };
      let found = findAttributions(sentence.text).filter(outsideQuotes);
      // The learned tagger reads cues the rules do not list: the speaker where the rules find none, and
      // a further speaker beside theirs when sure of its cue ("A said B wants C": the rules find A).
      // (A sentence wholly inside a quotation has no speaker of its own outside it: nothing to tag.)
      const quotedWhole = regions.some((q) => q.start < sentence.start && sentence.end <= q.end);
      // Only a reported clause after the rules' cue can hold another speaker outside quotation marks.
      const clauseAfter = found.some(
        (a) => !a.inverted && a.content.start > a.source.end && a.content.end - a.content.start > 30,
      );
      if (!quotedWhole && (found.length === 0 || clauseAfter)) {
        const learned = learnedAttributions(sentence.text).filter(outsideQuotes);
        const ruled = found;
        // A further speaker is neither the rules' speaker nor inside its frame: "John Doe, who ran the
        // port, said C" has one speaker, not "who ran" as well.
        const inFrame = (a: Attribution, r: Attribution) =>
          r.source.start <= a.source.start && a.source.end <= Math.max(r.source.end, r.content.start);
        const beside = (a: Attribution) =>
          (a.confidence ?? 0) >= EXTEND_MARGIN &&
          !ruled.some(
            (r) => (r.source.start < a.source.end && a.source.start < r.source.end) || inFrame(a, r),
          );
        found = ruled.length === 0 ? learned : [...ruled, ...learned.filter(beside)];
      }
      const sourceIds: string[] = [];
      const speakers: Speaker[] = [];
      unresolved = undefined;
      for (const a of found) {
        // "... until Monday, the mayor said": the date cut from the speaker belongs to the claim before it.
        const lead = leadingFragmentLength(sentence.text.slice(a.source.start, a.source.end));
        if (lead > 0 && a.content.end <= a.source.start) {
          const comma = sentence.text.lastIndexOf(",", a.source.start + lead);
          a.content = { start: a.content.start, end: comma > a.source.start ? comma : a.source.start + lead };
        }
        const id = register(a.source, sentence.start);
        if (id) speakers.push({ attribution: a, id });
        if (id && !sourceIds.includes(id)) sourceIds.push(id);
      }
      // "S told Reuters C": the outlet S told reports C as well, after S. "S cited witnesses": the
      // witnesses are a source even when S is nobody the digest can name ("Most of them cited ...").
      for (const a of found) {
        const own = sourceIds.length > 0 || /^(?:cit|quot)/i.test(a.cue);
        const id = a.recipient && own ? register(a.recipient, sentence.start) : undefined;
        if (id && !sourceIds.includes(id)) sourceIds.push(id);
      }
      const first = found[0] ?? null;
      const speakerUnknown = sourceIds.length === 0 && first !== null && unresolved !== undefined;
      const reading: Reading = {
        sentence,
        attribution: first && (sourceIds.length || speakerUnknown) ? first : null,
        sourceIds,
        cue: first?.cue,
        region,
      };
      if (speakerUnknown && unresolved) reading.unresolved = unresolved;
      const inner = reading.attribution ? innerSpeakers(sentence.text, reading.attribution, speakers) : [];
      if (inner.length > 0) {
        reading.inner = inner;
        // "Lynch said X, though she noted Y": Lynch speaks in both clauses.
        reading.laterOnly = inner
          .map((s) => s.id)
          .filter(
            (id) => !speakers.some((s) => s.id === id && !inner.some((x) => x.attribution === s.attribution)),
          );
      }
      readings.push(reading);
    }

    // A quotation's speaker: named in any sentence that quotes it from outside the quote marks.
    const regionSpeaker = new Map<number, { sourceIds: string[]; cue: string }>();
    for (const r of readings) {
      if (!r.attribution || !r.cue) continue;
      const src = r.sentence.start + r.attribution.source.start;
      // Only the regions the sentence overlaps, in order.
      for (let i = firstEndingAfter(regions, r.sentence.start); i < regions.length; i++) {
        const q = regions[i];
        if (!q || q.start >= r.sentence.end) break;
        const outside = src < q.start || src >= q.end;
        if (outside && !regionSpeaker.has(i) && r.cue)
          regionSpeaker.set(i, { sourceIds: r.sourceIds, cue: r.cue });
      }
    }

    const opensWithQuote = regions[0]?.start === 0 && !label;
    // Pass 2: sentences with no attribution of their own take the speaker of their quotation,
    // of the paragraph's speaker label, or of the quote the previous paragraph left open.
    let previous: Reading | undefined;
    readings.forEach((r, index) => {
      if (r.sourceIds.length === 0) {
        const fromRegion = regionSpeaker.get(r.region);
        const startsQuote = /^\s*(?:["“”]|'')/.test(r.sentence.text);
        const inherited =
          (labelId ? { sourceIds: [labelId], cue: ":" } : undefined) ??
          fromRegion ??
          (previous?.attribution && startsQuote && previous.cue
            ? { sourceIds: previous.sourceIds, cue: previous.cue }
            : undefined) ??
          (carry && (index === 0 || r.region >= 0 || startsQuote) ? carry : undefined) ??
          // A paragraph that opens with a quotation nobody in it claims goes on quoting the last
          // speaker of the paragraph before: "“...,” Smith said. ⏎ “Second paragraph of the quote.”"
          (lastQuoted && opensWithQuote && r.region === 0 ? lastQuoted : undefined);
        if (inherited) {
          r.sourceIds = inherited.sourceIds;
          r.cue = inherited.cue;
          if (r.region >= 0 && !regionSpeaker.has(r.region)) regionSpeaker.set(r.region, inherited);
        }
      }
      if (r.attribution) previous = r;
    });

    for (const r of readings) emit(r, paragraph, registry, statements, next);

    // What runs on into the next paragraph.
    const last = regions.at(-1);
    const lastReading = readings.at(-1);
    const lastId = lastReading?.sourceIds[0];
    lastQuoted =
      last && lastId && lastReading?.cue && regionSpeaker.get(regions.length - 1)?.sourceIds[0] === lastId
        ? { sourceIds: lastReading.sourceIds, cue: lastReading.cue }
        : undefined;
    const lastSentence = all.at(-1);
    const intro = lastSentence && /:\s*$/.test(lastSentence.text) ? quoteIntro(lastSentence.text) : null;
    const introId = intro && lastSentence ? register(intro.source, lastSentence.start) : undefined;
    if (introId) carry = { sourceIds: [introId], cue: intro?.cue ?? "said" };
    else if (last?.openEnd && regionSpeaker.has(regions.length - 1))
      carry = regionSpeaker.get(regions.length - 1);
    else if (labelId) carry = undefined;
    else carry = last?.openEnd && carry ? carry : undefined;
  });
  // Names are filled in last, so a source merged under a better spelling later reads under that name.
  for (const st of statements) {
    st.rationale = st.rationale.replace(new RegExp(`${NAME_MARK}(\\w+)${NAME_MARK}`, "g"), (_, id: string) =>
      registry.displayName(id),
    );
  }
  return statements;
}

function emit(
  r: Reading,
  paragraph: Paragraph,
  registry: SourceRegistry,
  statements: Statement[],
  next: () => string,
): void {
  const { sentence, attribution, cue } = r;
  const sourceId = r.sourceIds[0];
  const contentStart = attribution?.content.start ?? 0;
  const sourceOf = (id: string) => ({
    name: `${NAME_MARK}${id}${NAME_MARK}`,
    kind: registry.kindOf(id),
    anonymous: registry.isAnonymous(id),
    person: registry.isPerson(id),
    named: registry.isNamed(id),
  });
  // A speaker we cannot name is still a speaker, never the reporter's narration: read as unnamed.
  const source = sourceId
    ? sourceOf(sourceId)
    : r.unresolved
      ? { name: `'${r.unresolved}'`, kind: "other" as const, anonymous: true }
      : undefined;
  // The words from the speaker to the claim: "Sanders hasn't said", "the agency said it is possible".
  const frame =
    attribution && !attribution.inverted && attribution.source.start < contentStart
      ? sentence.text.slice(attribution.source.start, contentStart)
      : undefined;

  // A crosshead or label ("Misreading of remarks") states nothing.
  if (!attribution && r.sourceIds.length === 0 && isVerblessLine(sentence.text)) return;

  // Clause level: split only where the clauses read differently (a hedge on one side only).
  let clauses = clauseBreaks(sentence.text, contentStart);
  // "Trump called for an inquiry, saying ...": the act before the participle is the reporter's narration.
  const actEnd =
    attribution && cue && /ing$/i.test(cue) ? narratedActEnd(sentence.text, cue, contentStart) : -1;
  if (actEnd > 0 && clauses[0])
    clauses = [{ start: 0, end: actEnd }, { ...clauses[0], start: actEnd + 1 }, ...clauses.slice(1)];
  // "A said X, but police said Y": the clause of a later speaker is theirs, read with their words.
  const inner = r.inner ?? [];
  if (inner.length > 0) clauses = splitAtSpeakers(clauses, inner);
  const speakers = clauses.map((c) =>
    inner.findLast((s) => s.attribution.source.start >= c.start && s.attribution.source.start < c.end),
  );
  // A clause before ", saying" or after the quoted words is the reporter's, not the speaker's.
  const narrated = (c: Clause) =>
    (actEnd > 0 && c.end <= actEnd) ||
    (attribution !== null &&
      c.start >= attribution.content.end &&
      /[.!?](?:''|["”])\s*$/.test(sentence.text.slice(0, c.start)));
  const readings = clauses.map((c, i) => {
    const own = speakers[i];
    if (own) {
      const a = own.attribution;
      return readStatus({
        text: sentence.text.slice(a.content.start, Math.min(a.content.end, c.end)),
        cue: a.cue,
        source: sourceOf(own.id),
        ...(a.source.start < a.content.start
          ? { frame: sentence.text.slice(a.source.start, a.content.start) }
          : {}),
      });
    }
    return narrated(c)
      ? readStatus({ text: sentence.text.slice(c.start, c.end) })
      : readStatus({
          text: sentence.text.slice(Math.max(c.start, contentStart), c.end),
          ...(cue ? { cue } : {}),
          ...(source ? { source } : {}),
          ...(frame && c.start <= contentStart ? { frame } : {}),
        });
  });
  const differ = readings.some((x) => x.status !== readings[0]?.status) || speakers.some(Boolean);
  const only = clauses.length === 1 && clauses[0] && !narrated(clauses[0]) ? clauses[0] : undefined;
  const singleClause = only ? sentence.text.slice(Math.max(only.start, contentStart), only.end) : undefined;
  if (!differ) clauses = [{ start: 0, end: sentence.text.length }];
  clauses.forEach((clause, i) => {
    const span = trimSpan(sentence.text, clause.start, clause.end);
    if (span.text.split(/\s+/).length < MIN_WORDS) return;
    const claimStart = Math.max(span.start, clauses.length === 1 ? contentStart : clause.start);
    const claimEnd = attribution && clauses.length === 1 ? attribution.content.end : span.end;
    const claim = trimSpan(
      sentence.text,
      Math.max(claimStart, span.start),
      Math.max(claimEnd, claimStart),
    ).text;
    const wholeText = attribution
      ? sentence.text.slice(attribution.content.start, attribution.content.end)
      : span.text;
    // One clause read over the same words already has its reading.
    const sameWords = singleClause !== undefined && singleClause === wholeText;
    const reading =
      differ || sameWords
        ? (readings[i] ?? readings[0])
        : readStatus({
            text: wholeText,
            ...(cue ? { cue } : {}),
            ...(source ? { source } : {}),
            ...(frame ? { frame } : {}),
          });
    if (!reading) return;
    const quote = paragraph.text.slice(sentence.start + span.start, sentence.start + span.end);
    // Clauses are kept as split whenever a later speaker has one (differ), so `i` still indexes them.
    const own = differ ? speakers[i] : undefined;
    // The first speaker's clause keeps every source but those who speak only in a later clause.
    const sources = own ? [own.id] : r.sourceIds.filter((id) => !r.laterOnly?.includes(id));
    if (reading.responsibilityClaim) {
      const claimant = claimantOf(sentence.text, span, attribution);
      if (claimant) {
        // Verbatim from the paragraph, not from the analysis view.
        const text = paragraph.text.slice(sentence.start + claimant.start, sentence.start + claimant.end);
        const id = registry.add(parseSourcePhrase(analysisView(text)), {
          paragraph: paragraph.index,
          quote: text,
        });
        if (id) {
          registry.markKind(id, "claimant");
          if (!sources.includes(id)) sources.push(id);
        }
      } else if (sourceId) registry.markKind(sourceId, "claimant");
    }
    emitAsides(sentence.text, span, reading.status, (aside, asideReading) =>
      statements.push({
        id: next(),
        claim: aside.text,
        status: asideReading.status,
        sources: [],
        evidence: [
          {
            paragraph: paragraph.index,
            quote: paragraph.text.slice(sentence.start + aside.start, sentence.start + aside.end),
          },
        ],
        rationale: asideReading.rationale,
      }),
    );
    statements.push({
      id: next(),
      // "refused to give details" reads as nothing without its subject: keep the whole clause then.
      claim: claim && !/^to\s/i.test(claim) ? claim : span.text,
      status: reading.status,
      sources,
      evidence: [{ paragraph: paragraph.index, quote }],
      rationale: r.unresolved
        ? `${reading.rationale}; the speaker '${r.unresolved}' is not resolved: no one named before fits`
        : reading.rationale,
    });
  });
}

/** Before a later speaker's clause, a contrast: "but", "while", "whereas", "although", "though". */
const SPEAKER_TURN = /[,\s]\s*(?:but|while|whereas|although|though)\s+$/i;

/**
 * Speakers whose own clause stands inside the first speaker's words, after a turn ("A said X, but the
 * hospital said Y"): not the first speaker, nor the same source again.
 */
function innerSpeakers(sentence: string, first: Attribution, speakers: readonly Speaker[]): InnerSpeaker[] {
  const firstId = speakers.find((s) => s.attribution === first)?.id;
  return speakers.flatMap((speaker) => {
    const a = speaker.attribution;
    if (
      a === first ||
      speaker.id === firstId ||
      a.inverted ||
      a.source.start <= first.content.start ||
      a.source.start >= first.content.end ||
      a.content.start <= a.source.start
    )
      return [];
    const turn = SPEAKER_TURN.exec(sentence.slice(Math.max(0, a.source.start - 16), a.source.start));
    return turn ? [{ ...speaker, turn: a.source.start - turn[0].length }] : [];
  });
}

/** Clauses cut where each later speaker's turn begins, if the clause breaks did not already cut there. */
function splitAtSpeakers(clauses: Clause[], inner: readonly InnerSpeaker[]): Clause[] {
  let out = clauses;
  for (const { attribution: a, turn: cut } of inner) {
    out = out.flatMap((c) =>
      c.start < cut && a.source.start < c.end
        ? [
            { start: c.start, end: cut },
            { start: a.source.start, end: c.end },
          ]
        : [c],
    );
  }
  return out;
}

/** Where the narrated act ends before ", saying ...": the comma before the participle, if the act is a clause. */
function narratedActEnd(sentence: string, cue: string, contentStart: number): number {
  const at = sentence.slice(0, contentStart).lastIndexOf(`, ${cue}`);
  return at > 0 && sentence.slice(0, at).split(/\s+/).length >= 4 ? at : -1;
}

/** Relative clauses that read differently from their sentence become statements of their own. */
function emitAsides(
  sentence: string,
  span: Span,
  status: Statement["status"],
  push: (aside: Span, reading: StatusReading) => void,
): void {
  for (const aside of asidesOf(span.text)) {
    const reading = readAside(span.text.slice(aside.start, aside.end), aside.head);
    if (!reading || reading.status === status) continue;
    push(trimSpan(sentence, span.start + aside.start, span.start + aside.end), reading);
  }
}

/** "X has claimed responsibility" inside the content: X is the claimant, not the reporting source. */
function claimantOf(sentence: string, span: Span, attribution: Attribution | null): Range | undefined {
  const clause = sentence.slice(span.start, span.end);
  const m =
    /(?:^|,\s*)((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4})\s+(?:has|have|had)?\s*claimed\b/u.exec(
      clause,
    );
  if (m?.[1]) {
    const start = span.start + m.index + m[0].indexOf(m[1]);
    return { start, end: start + m[1].length };
  }
  if (attribution?.cue === "claimed by") return attribution.source;
  return undefined;
}
