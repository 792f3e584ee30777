import type { Evidence, Source, SourceKind, Warning } from "../digest/schema.ts";
import { compatible, type Gender, genderOf, genderTaught } from "../nlp/referents.ts";
import { canonicalName } from "./gazetteer.ts";
import { PhraseMatcher } from "./phrase-matcher.ts";
import { type Descriptions, describedKindOf, principalKind } from "./source-descriptions.ts";
import type { ParsedSource } from "./source-phrase.ts";

interface Entry {
  id: string;
  /** Position in the registry. */
  at: number;
  /** pickName's answer until the names change. */
  picked?: string | undefined;
  names: Map<string, number>; // surface name -> times seen
  roles: string[];
  kinds: SourceKind[];
  person: boolean;
  /** "officials", "police", "Democrats": referred to as "they". */
  plural: boolean;
  gender?: Gender;
  anonymous: boolean;
  mentions: Evidence[];
}

/** Whether a and b are at most `limit` edits apart; stops as soon as every path costs more. */
function withinEditDistance(a: string, b: string, limit: number): boolean {
  if (a === b) return true;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
      best = Math.min(best, row[j] ?? 0);
    }
    if (best > limit) return false;
  }
  return (row[b.length] ?? 0) <= limit;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s$/, "")
    .replace(/^the\s+/, "");
const tokens = (s: string) => fold(s).split(/[\s]+/).filter(Boolean);

/** Two spellings of one name part: "Jon"/"John", "Smyth"/"Smith". */
function similarToken(a: string, b: string): boolean {
  if (a === b) return true;
  const limit = Math.min(a.length, b.length) >= 6 ? 2 : 1;
  // The distance is at least the difference in length: no need to compute it then.
  return a[0] === b[0] && Math.abs(a.length - b.length) <= limit && withinEditDistance(a, b, limit);
}

/** Two names of one person, compared by their folded tokens. */
function similarPersonName(ta: string[], tb: string[]): boolean {
  const lastA = ta.at(-1);
  const lastB = tb.at(-1);
  if (!lastA || !lastB || !similarToken(lastA, lastB)) return false;
  if (ta.length === 1 || tb.length === 1)
    return lastA === lastB || (lastA.length >= 5 && similarToken(lastA, lastB));
  const firstA = ta[0] ?? "";
  const firstB = tb[0] ?? "";
  return (
    similarToken(firstA, firstB) ||
    firstA.replace(".", "") === firstB[0] ||
    firstB.replace(".", "") === firstA[0]
  );
}

const NATIONALITY = /^(french|british|american|german|us|u\.s\.|the|a|an|local|senior|top|chief)$/;

// Spelling variants and short forms are sought among this many of the latest sources; exact spellings
// among all of them. Real articles quote far fewer, so only a pasted list of thousands of names (which
// would otherwise cost the square of its length) is read differently.
const FUZZY_WINDOW = 128;
// Pronouns and variants look back among this many of the latest named sources.
const RECENT_WINDOW = 256;

/** The folded forms of one spelling, computed once: every lookup compares against them. */
interface NameKeys {
  folded: string;
  canonical: string | undefined;
  tokens: string[];
  capitalised: boolean;
}

/** The set of people and bodies quoted in one article, merging spelling variants as they arrive. */
export class SourceRegistry {
  private readonly entries: Entry[] = [];
  /** Entries by the time they were last named, the latest last (at most RECENT_WINDOW): where pronouns and variants look. */
  private readonly recent: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly keys = new Map<string, NameKeys>();
  // The first entry (by position) that carries each folded spelling and each canonical name.
  private readonly byFolded = new Map<string, number>();
  private readonly byCanonical = new Map<string, number>();
  // Mentions already recorded, as "paragraph quote" and as paragraphs, per entry id.
  private readonly mentionKeys = new Map<string, { quotes: Set<string>; paragraphs: Set<number> }>();
  private mentionIndex: MentionIndex | undefined;
  private described: Descriptions = new Map<string, SourceKind>();

  /** What the article says its people and bodies are (see source-descriptions.ts). */
  learnDescriptions(kinds: Descriptions): void {
    this.described = kinds;
  }

  /**
   * Registers one attribution's source; returns its id, or undefined for a pronoun with no compatible
   * antecedent ("she" when only men and bodies were named before, "it" for a person).
   */
  add(parsed: ParsedSource, mention: Evidence): string | undefined {
    if (parsed.pronoun) {
      const pronoun = parsed.pronoun;
      // The nearest antecedent that agrees in number, gender and person versus organisation.
      const target = this.recent.findLast((e) => compatible(pronoun, e));
      if (target && !target.gender) {
        const taught = genderTaught(pronoun);
        if (taught) target.gender = taught;
      }
      return target?.id;
    }
    const entry = this.find(parsed) ?? this.create(parsed);
    if (!entry.names.has(parsed.name)) this.indexName(entry, parsed.name);
    entry.names.set(parsed.name, (entry.names.get(parsed.name) ?? 0) + 1);
    entry.picked = undefined;
    if (parsed.role && !entry.roles.includes(parsed.role)) entry.roles.push(parsed.role);
    // Only the first kind other than "other" counts (pickKind): a repeat adds nothing but length.
    if (!entry.kinds.includes(parsed.kind)) entry.kinds.push(parsed.kind);
    entry.person ||= parsed.person;
    const gender = entry.gender ?? genderOf(parsed.role ?? "", parsed.name);
    if (gender) entry.gender = gender;
    this.addMention(entry, mention);
    const at = this.recent.indexOf(entry);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(entry);
    if (this.recent.length > RECENT_WINDOW) this.recent.shift();
    return entry.id;
  }

  /** Marks a source as the party claiming something about itself (a claim of responsibility). */
  markKind(id: string, kind: SourceKind): void {
    this.byId.get(id)?.kinds.unshift(kind);
  }

  kindOf(id: string): SourceKind {
    const entry = this.byId.get(id);
    return entry ? this.kindOfEntry(entry) : "other";
  }

  /** The kind its own mentions give; else what the article says elsewhere of the same name. */
  private kindOfEntry(e: Entry): SourceKind {
    const own = pickKind(e);
    const principal = principalKind(e.roles.join(" "), this.described);
    if (principal && (own === "official" || own === "other")) return principal;
    if (own !== "other" || e.anonymous) return own;
    return describedKindOf(e.names.keys(), this.described) ?? own;
  }

  /** Named by a proper name ("Acme", "Jane Roe") rather than a common noun ("the singer"). */
  isNamed(id: string): boolean {
    const entry = this.byId.get(id);
    return entry ? [...entry.names.keys()].some((n) => /^\p{Lu}/u.test(n)) : false;
  }

  isPerson(id: string): boolean {
    return this.byId.get(id)?.person ?? false;
  }

  isAnonymous(id: string): boolean {
    return this.byId.get(id)?.anonymous ?? false;
  }

  displayName(id: string): string {
    const entry = this.byId.get(id);
    return entry ? pickName(entry) : id;
  }

  private keysOf(name: string): NameKeys {
    let k = this.keys.get(name);
    if (!k) {
      k = {
        folded: fold(name),
        canonical: canonicalName(name),
        tokens: tokens(name),
        capitalised: /^\p{Lu}/u.test(name),
      };
      this.keys.set(name, k);
    }
    return k;
  }

  private indexName(entry: Entry, name: string): void {
    const { at } = entry;
    const { folded, canonical } = this.keysOf(name);
    if (!this.byFolded.has(folded)) this.byFolded.set(folded, at);
    if (canonical && !this.byCanonical.has(canonical)) this.byCanonical.set(canonical, at);
    this.mentionIndex = undefined;
  }

  /** Records a mention unless the entry has it already (a set, so that thousands of mentions stay cheap). */
  private addMention(entry: Entry, mention: Evidence): void {
    const seen = this.seenMentions(entry);
    const key = `${mention.paragraph} ${mention.quote}`;
    if (seen.quotes.has(key)) return;
    seen.quotes.add(key);
    seen.paragraphs.add(mention.paragraph);
    entry.mentions.push(mention);
  }

  private seenMentions(entry: Entry): { quotes: Set<string>; paragraphs: Set<number> } {
    let seen = this.mentionKeys.get(entry.id);
    if (!seen) {
      seen = { quotes: new Set(), paragraphs: new Set() };
      this.mentionKeys.set(entry.id, seen);
    }
    return seen;
  }

  private create(parsed: ParsedSource): Entry {
    const entry: Entry = {
      id: `src${this.entries.length + 1}`,
      at: this.entries.length,
      names: new Map(),
      roles: [],
      kinds: [],
      person: parsed.person,
      plural: !parsed.person && pluralName(parsed.name),
      anonymous: parsed.anonymous,
      mentions: [],
    };
    this.entries.push(entry);
    this.byId.set(entry.id, entry);
    return entry;
  }

  private find(parsed: ParsedSource): Entry | undefined {
    const name = parsed.name;
    const { folded, canonical, tokens: own, capitalised } = this.keysOf(name);
    // An exact spelling or canonical name anywhere; else a short form or a respelling of the person named
    // most recently who can be meant: "Jane Smith" is not the "Smith" already merged with "John Smith".
    const exact = Math.min(
      this.byFolded.get(folded) ?? Number.POSITIVE_INFINITY,
      (canonical ? this.byCanonical.get(canonical) : undefined) ?? Number.POSITIVE_INFINITY,
    );
    if (Number.isFinite(exact)) return this.entries[exact];
    const windowStart = Math.max(0, this.entries.length - FUZZY_WINDOW);
    let gender: Gender | undefined | null = null;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const e = this.recent[k];
      if (!e) continue;
      let match = false;
      for (const known of e.names.keys()) {
        const keys = this.keysOf(known);
        match =
          (!parsed.anonymous && !e.anonymous && isShortForm(own, keys.tokens)) ||
          ((parsed.person || e.person) &&
            capitalised &&
            keys.capitalised &&
            similarPersonName(own, keys.tokens));
        if (match) break;
      }
      if (!match || this.otherPerson(e, own)) continue;
      if (gender === null) gender = genderOf(parsed.role ?? "", name);
      if (!gender || !e.gender || gender === e.gender) return e;
    }
    // A bare role ("the interior ministry spokesman") is the one person who holds it, if only one does.
    if (!/\p{Lu}/u.test(name.slice(1)) || parsed.role === undefined) {
      const wanted = own.filter((t) => !NATIONALITY.test(t));
      if (wanted.length >= 2) {
        const holders = this.entries.slice(windowStart).filter((e) =>
          e.roles.some((r) => {
            const have = this.keysOf(r).tokens;
            return wanted.every((w) => have.includes(w));
          }),
        );
        if (holders.length === 1) return holders[0];
      }
    }
    return undefined;
  }

  /** The entry already names someone with the same surname and a different first name: "John" vs "Jane Smith". */
  private otherPerson(e: Entry, own: string[]): boolean {
    if (own.length < 2) return false;
    return [...e.names.keys()].some((known) => {
      const k = this.keysOf(known).tokens;
      return k.length >= 2 && k.at(-1) === own.at(-1) && !similarPersonName(own, k);
    });
  }

  /** Adds mentions of known names found in a paragraph (e.g. a surname used alone later on). */
  addMentions(paragraph: number, text: string): void {
    const index = this.probeIndex();
    // A few names are sought one by one; many at once, in one pass over the text.
    const found = index.matcher?.found(text);
    const candidates = found ? [...found].flatMap((probe) => index.owners.get(probe) ?? []) : this.entries;
    for (const e of new Set(candidates)) {
      if (e.anonymous) continue;
      for (const name of e.names.keys()) {
        const probe = probeOf(name);
        if (found ? !found.has(probe) : !text.includes(probe)) continue;
        if (!this.seenMentions(e).paragraphs.has(paragraph)) this.addMention(e, { paragraph, quote: probe });
      }
    }
  }

  /** Every known name's probe, by its first characters, and who carries it; rebuilt after a new name. */
  private probeIndex(): MentionIndex {
    if (this.mentionIndex) return this.mentionIndex;
    const owners = new Map<string, Entry[]>();
    for (const e of this.entries) {
      if (e.anonymous) continue;
      for (const name of e.names.keys()) {
        const probe = probeOf(name);
        const carriers = owners.get(probe);
        if (carriers) carriers.push(e);
        else owners.set(probe, [e]);
      }
    }
    const matcher = owners.size > FEW_PROBES ? new PhraseMatcher(owners.keys()) : undefined;
    this.mentionIndex = { matcher, owners };
    return this.mentionIndex;
  }

  toSources(): { sources: Source[]; warnings: Warning[] } {
    const warnings: Warning[] = [];
    const sources = this.entries.map((e) => {
      const name = pickName(e);
      const aliases = [...e.names.keys()].filter((n) => n !== name);
      const variants = aliases.filter(
        (a) => /\p{Lu}/u.test(a) && !isShortForm(tokens(a), tokens(name)) && fold(a) !== fold(name),
      );
      if (variants.length > 0) {
        warnings.push({
          kind: "names_merged",
          message: `${[name, ...variants].map((n) => `'${n}'`).join(" and ")} are taken to be the same ${e.person ? "person" : "source"}${e.roles[0] ? ` (${e.roles[0]})` : ""}; check the spelling`,
          paragraphs: [...new Set(e.mentions.map((m) => m.paragraph))].sort((a, b) => a - b),
        });
      }
      const source: Source = {
        id: e.id,
        name,
        kind: this.kindOfEntry(e),
        aliases,
        mentions: e.mentions.sort((a, b) => a.paragraph - b.paragraph),
      };
      if (e.roles[0]) source.role = e.roles.join("; ");
      return source;
    });
    return { sources, warnings };
  }
}

/** What a later paragraph must contain to mention a name: its surname, or the whole name. */
function probeOf(name: string): string {
  const last = name.split(/\s+/).at(-1) ?? name;
  return last.length >= 4 && /^\p{Lu}/u.test(last) ? last : name;
}

// Up to this many distinct probes, each is sought in the text on its own; more, all at once.
const FEW_PROBES = 32;

interface MentionIndex {
  matcher: PhraseMatcher | undefined;
  owners: Map<string, Entry[]>;
}

/** "Guardian" in "The Guardian", a surname in a full name, "police" in "French police" (folded tokens). */
function isShortForm(ta: string[], tb: string[]): boolean {
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length === 0 || short.length === long.length) return false;
  if (short.length === 1 && (short[0]?.length ?? 0) < 4) return false;
  // The short form must be the tail ("Dupont" of "Jean Dupont") or the head noun of an organisation.
  return short.every((t, i) => long[long.length - short.length + i] === t);
}

function pickName(e: Entry): string {
  e.picked ??= pickNameAnew(e);
  return e.picked;
}

function pickNameAnew(e: Entry): string {
  // The spelling the article uses most, counting a surname used alone; then the fuller name.
  const lastToken = (n: string) => fold(n).split(/\s+/).at(-1) ?? "";
  // Uses per surname, counted once: a source with many spellings costs their number, not its square.
  const bySurname = new Map<string, number>();
  for (const [n, count] of e.names) bySurname.set(lastToken(n), (bySurname.get(lastToken(n)) ?? 0) + count);
  const weights = new Map([...e.names.keys()].map((n) => [n, bySurname.get(lastToken(n)) ?? 0]));
  const weight = (name: string) => weights.get(name) ?? 0;
  const names = [...e.names.keys()].sort((a, b) => weight(b) - weight(a) || b.length - a.length);
  const best = names[0] ?? e.id;
  return canonicalName(best) ?? best;
}

function pickKind(e: Entry): SourceKind {
  return e.kinds.find((k) => k !== "other") ?? "other";
}

/** "officials", "police", "Democrats", "the protesters": a name that takes "they". */
function pluralName(name: string): boolean {
  const last = name.trim().split(/\s+/).at(-1) ?? "";
  if (/^(?:police|people|staff|crew|military|public)$/i.test(last)) return true;
  if (/^\p{Ll}/u.test(last)) return /[^s']s$/.test(last);
  // A single capitalised plural: "Democrats", "Republicans", not "Times" of "The New York Times".
  return !/\s/.test(name.trim()) && /\p{Ll}[^s]s$/u.test(last) && last.length > 5;
}
