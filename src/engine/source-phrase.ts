import type { SourceKind } from "../digest/schema.ts";
import { knownKind } from "./gazetteer.ts";

/** What a source phrase ("Interior Ministry spokesman Jean Dupont") tells us about who is speaking. */
export interface ParsedSource {
  name: string;
  role?: string;
  kind: SourceKind;
  person: boolean;
  /** "he", "she", "they": to be resolved to an earlier source. */
  pronoun?: "he" | "she" | "they" | "it" | "i" | "we";
  /** "a source", "officials": unnamed. */
  anonymous: boolean;
}

// Titles and descriptions that precede a person's name; the name is what follows the last of them.
const ROLE_WORD =
  /^(spokes(?:man|woman|person)|minister|ministry|secretary|president|vice|prime|chancellor|candidate|senator|sen|rep|representative|congress(?:man|woman)|governor|gov|mayor|chief|director|head|leader|chairman|chairwoman|chair|ceo|founder|officer|inspector|commissioner|superintendent|sheriff|detective|sergeant|lieutenant|captain|general|gen|colonel|admiral|prosecutor|attorney|judge|justice|lawyer|ambassador|envoy|analyst|expert|professor|prof|dr|doctor|researcher|witness|resident|former|then|acting|deputy|assistant|senior|top|interior|foreign|defen[cs]e|justice|police|union|party|centrist|conservative|liberal|democratic|republican|labour|socialist|communist|green|french|british|american|german|u\.s\.|us|state|federal|national|regional|local|general|official|reporter|correspondent|editor|columnist|host|anchor|author|activist|campaigner|member|mp|lawmaker|coach|manager|player|owner|actor|actress|singer|star|user|mr|mrs|ms|sir|dame|lord|lady|king|queen|prince|princess|pope|bishop|cardinal|rabbi|imam|rev)$/i;

const PERSON_HINT =
  /\b(spokes(?:man|woman|person)|minister|secretary|president|candidate|senator|governor|mayor|chief|director|leader|chair(?:man|woman)?|ceo|officer|inspector|commissioner|detective|prosecutor|attorney|judge|lawyer|ambassador|analyst|expert|professor|doctor|witness|resident|reporter|correspondent|editor|activist|lawmaker|-year-old|mr|mrs|ms|dr)\b/i;

const ANONYMOUS =
  /^(?:an?|the|other|another|two|three|several|some|many|senior|top|local|federal|us|u\.s\.|unnamed|anonymous|\s)*(?:[a-z-]+\s+){0,2}(sources?|officials?|aides?|insiders?|people familiar[^,]*|person familiar[^,]*|experts?|analysts?|observers?|witnesses|residents|investigators|authorities|diplomats?)$/i;

export function kindFromText(text: string): SourceKind {
  const t = text.toLowerCase();
  const known = knownKind(text);
  if (known) return known;
  if (/\bunion\b/.test(t)) return "union";
  // Politicians and those who speak for them, before the generic "spokesman" and "president".
  if (
    /\b(former (?:[a-z.]+ ){0,2}(?:president|prime minister|minister|secretary|governor|senator|mayor)|candidate|nominee|senator|congress(?:man|woman)|speaker|republicans|democrats|gop|dnc|rnc|national committee|campaign|(?:political|communications) (?:adviser|advisor|aide|director)|advis[eo]r to (?!the\b))\b|(?:^|[^a-z])(?:sen|rep|gov)\./.test(
      t,
    )
  )
    return "politician";
  if (
    /\b(press secretary|white house|spokes(?:man|woman|person) for the (?:government|ministry|department)|inspector general|(?:agency|department|ministry|government)['’]s (?:internal )?watchdog)\b/.test(
      t,
    )
  )
    return "official";
  if (/\b(observatory|monitor(?:ing)?|watchdog|intelligence group|think tank)\b/.test(t)) return "monitor";
  if (/\b(news agency|wire service|press agency)\b/.test(t)) return "agency";
  if (/\bsocial media\b/.test(t)) return "social";
  if (
    /\b(newspaper|news|times|post|journal|tribune|herald|gazette|daily|magazine|television|tv|radio|channel|network|broadcaster|outlet|website|blog|bureau|reporter|correspondent|editor|columnist|press|(?<!social )media)\b/.test(
      t,
    )
  )
    return "media";
  if (/\b(twitter|facebook|instagram|tiktok|youtube|reddit|social media|user|users|blogger)\b/.test(t))
    return "social";
  if (
    /\b(witness(?:es)?|eyewitness|resident|residents|bystander|onlooker|passer-?by|neighbou?r|-year-old|who lives|who was)\b/.test(
      t,
    )
  )
    return "witness";
  if (
    /\b(police|officers?|gendarmes?|sheriff|constabulary|detectives?|cops?|sgt|sergeant|constable|troopers?)\b/.test(
      t,
    )
  )
    return "police";
  if (
    /\b(minist(?:ry|er)|government|prosecutors?|president|prime minister|(?:under\s?)?secretary|department|command|intelligence (?:community|agenc(?:y|ies)|services?)|security service|(?:u\.s\.|us|federal|national) (?:[a-z]+ ){0,2}(?:survey|service|agency|administration|institute|navy|army)|health organi[sz]ation|authorities|officials?|spokes(?:man|woman|person)|mayor|governor|embassy|army|military|court|judge|council|commission|agency|office|administration|white house|kremlin|pentagon|state department|fbi|cia|coroner|medical examiner|fire (?:chief|service|department|brigade|marshal|officials?|commissioner)|firefighters|(?:ambulance|emergency|rescue) services?|paramedics|coast guard|health (?:officials?|authorities|department|agency))\b/.test(
      t,
    )
  )
    return "official";
  if (
    /\b(candidate|senator|lawmakers?|congress(?:man|woman)?|mp|politician|party|campaign|opposition|former president|representative)\b/.test(
      t,
    )
  )
    return "politician";
  return "other";
}

const CAPITALISED = /^(?:\p{Lu}[\p{L}'’.-]*|(?:de|da|del|van|von|der|al|bin|ibn|la|le|du)(?=\s))$/u;

/** Splits "Interior Ministry Spokesman Jean-Paul Dupont" into role and name. */
function splitRoleAndName(phrase: string): { name: string; role?: string } {
  const tokens = phrase.split(/\s+/);
  let lastRole = -1;
  tokens.forEach((tok, i) => {
    if (ROLE_WORD.test(tok.replace(/[,.]$/, "")) || /-year-old$/i.test(tok)) lastRole = i;
  });
  const rest = tokens.slice(lastRole + 1);
  const isName = rest.length > 0 && rest.length <= 4 && rest.every((t) => CAPITALISED.test(t));
  if (lastRole >= 0 && isName) {
    return { name: rest.join(" "), role: tokens.slice(0, lastRole + 1).join(" ") };
  }
  return { name: phrase };
}

// Words that make a capitalised phrase a body rather than a person.
const ORG_WORD =
  /\b(?:department|ministry|committee|council|party|agency|office|bureau|commission|court|university|institute|center|centre|foundation|association|union|group|company|corporation|inc|corp|news|times|post|journal|press|network|service|services|house|board|campaign|administration|police|army|government|senate|congress|poll|project|coalition|alliance|league|fund|bank|club|church|school|college|hospital|network|channel|magazine|daily|tribune|herald|gazette|media|radio|tv|television|state|states|nations|republic|kingdom)\b/i;

/** "Jane Roe, a lawyer for the family" / "the campaign's chairman, Jane Roe": the chunk that names. */
function nameChunk(phrase: string): { head: string; rest: string } {
  const chunks = phrase
    .replace(/\s*\([^)]*\)/g, "")
    .split(/,\s*|\s+--\s+|\s+[—–]\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const named = chunks.findIndex(
    (c) =>
      /^(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(c) || /\p{Ll}\S*\s+(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(c),
  );
  const at = named >= 0 && chunks.length > 1 ? named : 0;
  return { head: chunks[at] ?? phrase, rest: chunks.filter((_, i) => i !== at).join(", ") };
}

/** "longtime pollster Jane Roe": a lowercase description before a name of capitalised words. */
function trailingName(phrase: string): { name: string; role: string } | null {
  const m = /^(.*\b\p{Ll}[\p{L}-]*)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)$/u.exec(phrase);
  if (!m?.[1] || !m[2] || /\b(?:of|for|the|and|at|de|in|on|to|from|with)$/i.test(m[1])) return null;
  const tokens = m[2].split(/\s+/);
  let k = 0;
  while (k < tokens.length - 1 && ROLE_WORD.test((tokens[k] ?? "").replace(/[,.]$/, ""))) k++;
  return { name: tokens.slice(k).join(" "), role: `${m[1]} ${tokens.slice(0, k).join(" ")}`.trim() };
}

export function parseSourcePhrase(rawPhrase: string): ParsedSource {
  const { head: named, rest: appositive } = nameChunk(rawPhrase.trim());
  let phrase = named
    .replace(/['’]s$/i, "")
    .replace(/^(?:the|a|an)\s+/i, "")
    .trim();
  const pronoun = /^(he|she|they|it|i|we)$/i.exec(phrase)?.[1]?.toLowerCase() as ParsedSource["pronoun"];
  if (pronoun) return { name: phrase, kind: "other", person: true, pronoun, anonymous: false };

  // Descriptions after the name: ", who lives nearby", "from the union", "on Twitter".
  let description = "";
  const tail = /(,\s*(?:who|which|a|an|the)\b.*|\s+(?:from|of|at|with|for|on|in)\s+.*)$/i.exec(phrase);
  const head = tail ? phrase.slice(0, tail.index) : phrase;
  if (tail && head.trim().length > 1) {
    description = tail[0].replace(/^,\s*/, "").trim();
    phrase = head.trim();
  }
  const split = splitRoleAndName(phrase);
  const { name, role } = split.role === undefined ? (trailingName(phrase) ?? split) : split;
  const roleText = [role, description, appositive].filter(Boolean).join(" ") || undefined;
  const kind = kindFromText(rawPhrase);
  const anonymous =
    (ANONYMOUS.test(phrase) || ANONYMOUS.test(named.replace(/\s+familiar\b.*$/i, ""))) &&
    !/\p{Lu}/u.test(phrase.replace(/^\p{Lu}/u, ""));
  const person =
    role !== undefined ||
    (/^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(name) &&
      !ORG_WORD.test(name) &&
      !knownKind(name) &&
      !/^\p{Lu}+$/u.test(name.replace(/\s/g, ""))) ||
    (/^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(name) && PERSON_HINT.test(rawPhrase)) ||
    /-year-old/.test(rawPhrase);
  return {
    name: name.replace(/^(?:the|a|an)\s+/i, ""),
    ...(roleText ? { role: roleText } : {}),
    kind,
    person,
    anonymous,
  };
}
