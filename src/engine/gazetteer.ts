import type { SourceKind } from "../digest/schema.ts";

/**
 * Widely used names of a few bodies that appear across international news, with the other names they go
 * by. General world knowledge, kept small: it lets the engine merge an acronym with its full name where
 * the article never spells the link out.
 */
const ALIAS_GROUPS: { canonical: string; kind: SourceKind; names: string[] }[] = [
  {
    canonical: "Islamic State",
    kind: "claimant",
    names: ["Islamic State", "ISIS", "ISIL", "IS", "Islamic State group"],
  },
  { canonical: "United Nations", kind: "official", names: ["United Nations", "UN", "U.N."] },
  { canonical: "European Union", kind: "official", names: ["European Union", "EU", "E.U."] },
  { canonical: "NATO", kind: "official", names: ["NATO", "North Atlantic Treaty Organization"] },
  {
    canonical: "Federal Bureau of Investigation",
    kind: "police",
    names: ["FBI", "Federal Bureau of Investigation"],
  },
  { canonical: "Associated Press", kind: "agency", names: ["Associated Press", "AP"] },
  { canonical: "Agence France-Presse", kind: "agency", names: ["Agence France-Presse", "AFP"] },
  { canonical: "Reuters", kind: "agency", names: ["Reuters", "Thomson Reuters"] },
  { canonical: "BBC", kind: "media", names: ["BBC", "British Broadcasting Corporation"] },
  { canonical: "The New York Times", kind: "media", names: ["New York Times", "NYT", "the Times"] },
  { canonical: "The Wall Street Journal", kind: "media", names: ["Wall Street Journal", "WSJ"] },
  {
    canonical: "Democratic National Committee",
    kind: "politician",
    names: ["Democratic National Committee", "DNC"],
  },
  {
    canonical: "Republican National Committee",
    kind: "politician",
    names: ["Republican National Committee", "RNC"],
  },
];

// Outlets whose names carry no "news"/"times" word to recognise them by.
const MEDIA_NAMES = new Set(
  [
    "guardian",
    "cnn",
    "bbc",
    "fox",
    "msnbc",
    "nbc",
    "abc",
    "cbs",
    "npr",
    "politico",
    "axios",
    "bloomberg",
    "al jazeera",
    "sky",
    "le monde",
    "le figaro",
    "liberation",
    "der spiegel",
    "spiegel",
    "bild",
    "el pais",
    "tmz",
    "buzzfeed",
    "vice",
    "vox",
    "slate",
    "breitbart",
    "the hill",
    "the atlantic",
    "the independent",
    "telegraph",
    "economist",
    "mirror",
    "sun",
    "daily mail",
    "mail",
    "bfm",
    "bfmtv",
    "france 24",
    "euronews",
    "huffington post",
    "huffpost",
  ].map((n) => n.toLowerCase()),
);

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/['’]s$/, "")
    .trim();

const GROUP_BY_NAME = new Map<string, (typeof ALIAS_GROUPS)[number]>();
for (const g of ALIAS_GROUPS) for (const n of g.names) GROUP_BY_NAME.set(normalise(n), g);

/** The canonical name of a known body, when the name is one of its aliases. */
export function canonicalName(name: string): string | undefined {
  return GROUP_BY_NAME.get(normalise(name))?.canonical;
}

// A capital named as a speaker stands for its government ("Moscow denies", "Beijing warned").
const CAPITALS = new Set(
  (
    "washington moscow beijing pyongyang seoul tokyo tehran kyiv kiev london paris berlin brussels ankara " +
    "damascus baghdad cairo riyadh jerusalem islamabad new delhi kabul havana caracas ottawa canberra"
  ).split(" "),
);

export function knownKind(phrase: string): SourceKind | undefined {
  const n = normalise(phrase);
  const group = GROUP_BY_NAME.get(n);
  if (group) return group.kind;
  if (CAPITALS.has(n)) return "official";
  const first = n.split(/\s+/).slice(0, 2);
  for (let len = first.length; len > 0; len--)
    if (MEDIA_NAMES.has(first.slice(0, len).join(" "))) return "media";
  return undefined;
}
