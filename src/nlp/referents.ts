/**
 * What a mention tells us about whom a pronoun may refer to: grammatical number, gender where the
 * words show it, and person versus organisation. Used to resolve "he", "she", "it" and "they" to the
 * nearest compatible antecedent, or to nobody.
 */
export type Gender = "female" | "male";
export type Pronoun = "he" | "she" | "they" | "it" | "i" | "we";

export interface Referent {
  person: boolean;
  plural: boolean;
  gender?: Gender;
}

const FEMALE_WORDS =
  /\b(?:mrs|ms|miss|madam|dame|lady|queen|princess|sister|mother|daughter|wife|woman|girl|actress|chairwoman|spokeswoman|congresswoman|councilwoman|businesswoman|policewoman|grandmother|aunt|niece|widow)\b/i;
const MALE_WORDS =
  /\b(?:mr|sir|lord|king|prince|brother|father|son|husband|man|boy|chairman|spokesman|congressman|councilman|businessman|policeman|grandfather|uncle|nephew|widower)\b/i;

// Common English first names whose gender is near-certain; anything else stays unknown.
const FEMALE_NAMES = new Set(
  (
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ashley " +
    "kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen " +
    "amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn " +
    "janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan " +
    "cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail " +
    "julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte " +
    "rose alexis kayla jane hillary nancy melania michelle claire sophie marine angela theresa jill kamala"
  ).split(" "),
);
const MALE_NAMES = new Set(
  (
    "james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark " +
    "donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary " +
    "nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond " +
    "jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian " +
    "keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel " +
    "logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack " +
    "bernie mike ted marco chris jeb bill tom tim jim bob pierre jean-paul francois emmanuel nicolas vladimir boris"
  ).split(" "),
);

/** Gender shown by a mention's title or role noun, or by a common first name, if any. */
export function genderOf(role: string, name: string): Gender | undefined {
  const words = `${role} ${name}`;
  const female = FEMALE_WORDS.test(words);
  const male = MALE_WORDS.test(words);
  if (female !== male) return female ? "female" : "male";
  const first = /^(\p{Lu}[\p{Ll}-]+)\s+\p{Lu}/u.exec(name.trim())?.[1]?.toLowerCase();
  if (first && FEMALE_NAMES.has(first) && !MALE_NAMES.has(first)) return "female";
  if (first && MALE_NAMES.has(first) && !FEMALE_NAMES.has(first)) return "male";
  return undefined;
}

/** Whether the pronoun can stand for the referent. "I" and "we" outside quotes are the writer's: nobody's here. */
export function compatible(pronoun: Pronoun, r: Referent): boolean {
  switch (pronoun) {
    case "he":
      return r.person && !r.plural && r.gender !== "female";
    case "she":
      return r.person && !r.plural && r.gender !== "male";
    case "it":
      return !r.person && !r.plural;
    case "they":
      return r.plural || !r.person;
    default:
      return false;
  }
}

/** The gender a resolved pronoun teaches about its antecedent. */
export function genderTaught(pronoun: Pronoun): Gender | undefined {
  return pronoun === "she" ? "female" : pronoun === "he" ? "male" : undefined;
}

/** Whether a text names a woman by a common first name ("Jane Roe said"): for references without a title. */
export function namesAWoman(text: string): boolean {
  for (const m of text.matchAll(/\b(\p{Lu}[\p{Ll}-]+)(?=\s+\p{Lu})/gu)) {
    const first = m[1]?.toLowerCase() ?? "";
    if (FEMALE_NAMES.has(first) && !MALE_NAMES.has(first)) return true;
  }
  return false;
}
