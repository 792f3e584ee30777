/**
 * A small general English normaliser for matching a question with an article: irregular forms go to their
 * base word ("flew" → "fly", "took" → "take"), then the Porter stemmer (M. F. Porter, 1980) conflates
 * inflections and common derivations ("identified"/"identify", "authenticity"/"authentic").
 * Nothing here knows any article.
 */

// Irregular verb forms and plurals whose stem the suffix rules cannot reach.
const IRREGULAR: Record<string, string> = {};
for (const entry of (
  "be:was,were,been,am,is,are;have:has,had;do:did,done,does;say:said,says;go:went,gone,goes;get:got,gotten;" +
  "make:made;know:knew,known;think:thought;take:took,taken;see:saw,seen;come:came;give:gave,given;find:found;" +
  "tell:told;become:became;leave:left;feel:felt;bring:brought;begin:began,begun;keep:kept;hold:held;" +
  "write:wrote,written;stand:stood;hear:heard;mean:meant;meet:met;run:ran;pay:paid;sit:sat;speak:spoke,spoken;" +
  "lead:led;grow:grew,grown;lose:lost;fall:fell,fallen;send:sent;build:built;understand:understood;" +
  "draw:drew,drawn;break:broke,broken;spend:spent;rise:rose,risen;drive:drove,driven;buy:bought;" +
  "wear:wore,worn;choose:chose,chosen;seek:sought;throw:threw,thrown;catch:caught;deal:dealt;win:won;" +
  "fight:fought;flee:fled;fly:flew,flown,flies;shoot:shot;hide:hid,hidden;steal:stole,stolen;strike:struck,stricken;" +
  "sell:sold;bear:bore,borne;beat:beaten;bite:bit,bitten;blow:blew,blown;feed:fed;forbid:forbade,forbidden;" +
  "forget:forgot,forgotten;freeze:froze,frozen;hang:hung;ride:rode,ridden;ring:rang,rung;shake:shook,shaken;" +
  "sing:sang,sung;sink:sank,sunk;slay:slew,slain;swear:swore,sworn;swim:swam,swum;swing:swung;teach:taught;" +
  "tear:tore,torn;wake:woke,woken;withdraw:withdrew,withdrawn;arise:arose,arisen;dig:dug;forgive:forgave,forgiven;" +
  "lay:laid;lie:lain,lying,lies;slide:slid;spring:sprang,sprung;stick:stuck;sweep:swept;uphold:upheld;" +
  "die:died,dying,dies;tie:tied,tying;eat:ate,eaten;fight:fought;light:lit;sleep:slept;" +
  "undergo:underwent,undergone;overtake:overtook,overtaken;overcome:overcame;mislead:misled;" +
  "person:people,persons;man:men;woman:women;child:children;policeman:policemen;policewoman:policewomen;" +
  "foot:feet;tooth:teeth;mouse:mice;life:lives;wife:wives;knife:knives;thief:thieves;leaf:leaves"
).split(";")) {
  const [base, forms] = entry.split(":");
  if (!base || !forms) continue;
  for (const form of forms.split(",")) IRREGULAR[form] = base;
}

// Words the stemmer would merge with a different word: "official" is not "officer", "general" not "generate",
// "responsibility" not "response".
const KEEP: Record<string, string> = {
  official: "official",
  officials: "official",
  general: "general",
  generals: "general",
  university: "university",
  universities: "university",
  news: "news",
  use: "use",
  uses: "use",
  used: "use",
  using: "use",
  policy: "policy",
  policies: "policy",
  office: "office",
  offices: "office",
  party: "party",
  parties: "party",
  united: "united",
  security: "security",
  personal: "personal",
  personally: "personal",
  ad: "advert",
  ads: "advert",
  responsible: "responsib",
  responsibility: "responsib",
  irresponsible: "irresponsib",
};

const memo = new Map<string, string>();

/** The comparable form of one lower-cased word. */
export function lemma(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/['’]/g, "");
  const out = KEEP[w] ?? (w.length <= 2 || /\d/.test(w) ? w : porter(IRREGULAR[w] ?? w));
  if (memo.size < 50_000) memo.set(word, out);
  return out;
}

// ---- Porter stemmer -----------------------------------------------------------------------------------

const isConsonant = (w: string, i: number): boolean => {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
};

/** m, the number of vowel-consonant sequences in the stem. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (stem: string): boolean => {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
};

const endsDoubleConsonant = (w: string): boolean =>
  w.length >= 2 && w[w.length - 1] === w[w.length - 2] && isConsonant(w, w.length - 1);

/** cvc, where the last c is not w, x or y: "hop" (→ "hope"), not "hoop". */
const endsCvc = (w: string): boolean => {
  const n = w.length;
  if (n < 3) return false;
  if (!isConsonant(w, n - 1) || isConsonant(w, n - 2) || !isConsonant(w, n - 3)) return false;
  const last = w[n - 1];
  return last !== "w" && last !== "x" && last !== "y";
};

function replaceSuffix(w: string, rules: readonly (readonly [string, string])[], minMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    return measure(stem) > minMeasure ? stem + replacement : w;
  }
  return w;
}

const STEP2: readonly (readonly [string, string])[] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
];

const STEP3: readonly (readonly [string, string])[] = [
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
];

const STEP4 = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ion",
  "ou",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
];

function porter(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  // Step 1a: plurals.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (!w.endsWith("ss") && w.endsWith("s")) w = w.slice(0, -1);
  // Step 1b: -ed, -ing.
  let restore = false;
  if (w.endsWith("eed")) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    restore = true;
  } else if (w.endsWith("ing") && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    restore = true;
  }
  if (restore) {
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += "e";
  }
  // Step 1c: y → i after a vowel-bearing stem.
  if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);
  // Step 4: drop a derivational suffix from a long enough stem.
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (suffix === "ion" && !/[st]$/.test(stem)) break;
    if (measure(stem) > 1) w = stem;
    break;
  }
  // Step 5: a final -e, and -ll.
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  if (measure(w) > 1 && w.endsWith("ll")) w = w.slice(0, -1);
  // Beyond Porter: "injury"/"injured" and "identify"/"identification" meet when a final y-turned-i goes.
  if (w.length > 5 && w.endsWith("i")) w = w.slice(0, -1);
  return w;
}
