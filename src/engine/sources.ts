import type { Evidence, Source, SourceKind, Warning } from "../digest/schema.ts";
import { compatible, type Gender, genderOf, genderTaught } from "../nlp/referents.ts";
import { canonicalName } from "./gazetteer.ts";
import type { ParsedSource } from "./source-phrase.ts";

interface Entry {
  id: string;
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

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
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
  return a[0] === b[0] && editDistance(a, b) <= limit;
}

function similarPersonName(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
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

/** The set of people and bodies quoted in one article, merging spelling variants as they arrive. */
export class SourceRegistry {
  private readonly entries: Entry[] = [];
  /** Exact spellings (folded) and canonical names: the first entry to use one keeps it. */
  private readonly byFold = new Map<string, Entry>();
  private readonly byCanonical = new Map<string, Entry>();

  private index(name: string, entry: Entry): void {
    const folded = fold(name);
    if (!this.byFold.has(folded)) this.byFold.set(folded, entry);
    const canonical = canonicalName(name);
    if (canonical && !this.byCanonical.has(canonical)) this.byCanonical.set(canonical, entry);
  }

  /** Entries by the time they were last named, the latest last: where pronouns look for antecedents. */
  private readonly recent: Entry[] = [];

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
    entry.names.set(parsed.name, (entry.names.get(parsed.name) ?? 0) + 1);
    this.index(parsed.name, entry);
    if (parsed.role && !entry.roles.includes(parsed.role)) entry.roles.push(parsed.role);
    entry.kinds.push(parsed.kind);
    entry.person ||= parsed.person;
    const gender = entry.gender ?? genderOf(parsed.role ?? "", parsed.name);
    if (gender) entry.gender = gender;
    if (!entry.mentions.some((m) => m.paragraph === mention.paragraph && m.quote === mention.quote))
      entry.mentions.push(mention);
    const at = this.recent.indexOf(entry);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(entry);
    return entry.id;
  }

  /** Marks a source as the party claiming something about itself (a claim of responsibility). */
  markKind(id: string, kind: SourceKind): void {
    this.entries.find((e) => e.id === id)?.kinds.unshift(kind);
  }

  kindOf(id: string): SourceKind {
    const entry = this.entries.find((e) => e.id === id);
    return entry ? pickKind(entry) : "other";
  }

  isAnonymous(id: string): boolean {
    return this.entries.find((e) => e.id === id)?.anonymous ?? false;
  }

  displayName(id: string): string {
    const entry = this.entries.find((e) => e.id === id);
    return entry ? pickName(entry) : id;
  }

  private create(parsed: ParsedSource): Entry {
    const entry: Entry = {
      id: `src${this.entries.length + 1}`,
      names: new Map(),
      roles: [],
      kinds: [],
      person: parsed.person,
      plural: !parsed.person && pluralName(parsed.name),
      anonymous: parsed.anonymous,
      mentions: [],
    };
    this.entries.push(entry);
    return entry;
  }

  private find(parsed: ParsedSource): Entry | undefined {
    const name = parsed.name;
    const canonical = canonicalName(name);
    const folded = fold(name);
    const same = this.byFold.get(folded) ?? (canonical ? this.byCanonical.get(canonical) : undefined);
    if (same) return same;
    // A short form or a respelling belongs to the person named most recently who can be meant:
    // "Jane Smith" is not the "Smith" already merged with "John Smith".
    let gender: Gender | undefined | null = null;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const e = this.recent[k] as Entry;
      let match = false;
      for (const known of e.names.keys()) {
        match =
          (!parsed.anonymous && !e.anonymous && isShortForm(name, known)) ||
          ((parsed.person || e.person) &&
            /^\p{Lu}/u.test(name) &&
            /^\p{Lu}/u.test(known) &&
            similarPersonName(name, known));
        if (match) break;
      }
      if (!match || otherPerson(e, name)) continue;
      if (gender === null) gender = genderOf(parsed.role ?? "", name);
      if (!gender || !e.gender || gender === e.gender) return e;
    }
    // A bare role ("the interior ministry spokesman") is the one person who holds it, if only one does.
    if (!/\p{Lu}/u.test(name.slice(1)) || parsed.role === undefined) {
      const wanted = tokens(name).filter((t) => !NATIONALITY.test(t));
      if (wanted.length >= 2) {
        const holders = this.entries.filter((e) =>
          e.roles.some((r) => {
            const have = new Set(tokens(r));
            return wanted.every((w) => have.has(w));
          }),
        );
        if (holders.length === 1) return holders[0];
      }
    }
    return undefined;
  }

  /** Adds mentions of known names found in a paragraph (e.g. a surname used alone later on). */
  addMentions(paragraph: number, text: string): void {
    for (const e of this.entries) {
      if (e.anonymous) continue;
      for (const name of e.names.keys()) {
        const last = name.split(/\s+/).at(-1) ?? name;
        const probe = last.length >= 4 && /^\p{Lu}/u.test(last) ? last : name;
        const at = text.indexOf(probe);
        if (at < 0) continue;
        if (!e.mentions.some((m) => m.paragraph === paragraph)) e.mentions.push({ paragraph, quote: probe });
      }
    }
  }

  toSources(): { sources: Source[]; warnings: Warning[] } {
    const warnings: Warning[] = [];
    const sources = this.entries.map((e) => {
      const name = pickName(e);
      const aliases = [...e.names.keys()].filter((n) => n !== name);
      const variants = aliases.filter(
        (a) => /\p{Lu}/u.test(a) && !isShortForm(a, name) && fold(a) !== fold(name),
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
        kind: pickKind(e),
        aliases,
        mentions: e.mentions.sort((a, b) => a.paragraph - b.paragraph),
      };
      if (e.roles[0]) source.role = e.roles.join("; ");
      return source;
    });
    return { sources, warnings };
  }
}

/** The entry already names someone with the same surname and a different first name: "John" vs "Jane Smith". */
function otherPerson(e: Entry, name: string): boolean {
  const t = tokens(name);
  if (t.length < 2) return false;
  return [...e.names.keys()].some((known) => {
    const k = tokens(known);
    return k.length >= 2 && k.at(-1) === t.at(-1) && !similarPersonName(name, known);
  });
}

/** "Guardian" in "The Guardian", a surname in a full name, "police" in "French police". */
function isShortForm(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length === 0 || short.length === long.length) return false;
  if (short.length === 1 && (short[0]?.length ?? 0) < 4) return false;
  // The short form must be the tail ("Dupont" of "Jean Dupont") or the head noun of an organisation.
  return short.every((t, i) => long[long.length - short.length + i] === t);
}

function pickName(e: Entry): string {
  // The spelling the article uses most, counting a surname used alone; then the fuller name.
  const lastToken = (n: string) => fold(n).split(/\s+/).at(-1) ?? "";
  const weight = (name: string) =>
    [...e.names.entries()].reduce(
      (sum, [n, count]) => sum + (lastToken(n) === lastToken(name) ? count : 0),
      0,
    );
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
