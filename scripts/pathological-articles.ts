/**
 * Generated worst cases for the digest's running time: each shape repeats one unit up to a byte size, so
 * a stage whose cost grows faster than the input shows at once. Used by the bench (timing) and the tests
 * (sane output); nothing here comes from a real article.
 */

/** Repeats `unit(i)` (joined by `joiner`) until the text reaches `bytes`, then cuts it there. */
function fill(bytes: number, unit: (i: number) => string, joiner = " "): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    length += Buffer.byteLength(u) + joiner.length;
  }
  return parts.join(joiner).slice(0, bytes);
}

const NAMES = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark"];
const name = (i: number) => NAMES[i % NAMES.length] ?? "Smith";

// Distinct full names, thousands of them: "Anna Ash-Abbott", "Boris Ash-Abbott", ...
const FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas"];
const MIDDLE = ["Ash", "Birch", "Cedar", "Dale", "Elm", "Fern", "Glen", "Heath", "Ivy", "Jade"];
const person = (i: number) =>
  `${FIRST[i % 10]} ${MIDDLE[Math.floor(i / 10) % 10]}-${NAMES[Math.floor(i / 100) % 10]}son`;

const HEADLINE = "City council weighs new bridge plan";

export interface PathologicalArticle {
  shape: string;
  text: string;
}

/** Every shape at `bytes` (the bench uses 195 KB, just under MAX_ARTICLE_BYTES). */
export function pathologicalArticles(bytes: number): PathologicalArticle[] {
  const body = (text: string) => `${HEADLINE}\n\n${text}`;
  const size = bytes - HEADLINE.length - 2;
  return [
    {
      shape: "repeated 'said' clauses",
      text: body(fill(size, (i) => `the ${name(i).toLowerCase()} aide said`)),
    },
    {
      shape: "'Smith and Jones said' coordination",
      text: body(fill(size, (i) => `${name(i)} and ${name(i + 1)} said the bridge would open,`)),
    },
    {
      shape: "one unpunctuated sentence",
      text: body(
        fill(size, (i) => `the council ${i % 2 ? "voted" : "met"} on the plan for the bridge the mayor said`),
      ),
    },
    {
      shape: "hyphen run after a URL",
      text: body(
        `Officials said the plan is at https://example.org/plan ${"-- ".repeat((size - 80) / 3)}said Smith`,
      ),
    },
    {
      shape: "dash run after a URL",
      text: body(
        `Officials said the plan is at https://example.org/plan ${"— ".repeat((size - 80) / 4)}said Smith`,
      ),
    },
    {
      shape: "long quote runs",
      text: body(fill(size, (i) => `“We will build it,” ${name(i)} said, “and`)),
    },
    {
      shape: "thousands of capitalised words",
      text: body(fill(size, (i) => `${name(i)} ${name(i + 3)} Council`)),
    },
    {
      shape: "one huge paragraph of sentences",
      text: body(
        fill(size, (i) => `${name(i)}, a spokesman for the council, said the bridge would open in May.`),
      ),
    },
    {
      shape: "many short lines",
      text: body(fill(size, (i) => `${name(i)} said so`, "\n")),
    },
    {
      shape: "comma-separated clauses",
      text: body(fill(size, (i) => `${name(i)}, the director,`)),
    },
    {
      shape: "dash-separated appositives",
      text: body(fill(size, (i) => `${name(i)} -- a lawyer --`)),
    },
    {
      shape: "thousands of distinct speakers",
      text: body(fill(size, (i) => `${person(i)} said the bridge would open.`)),
    },
    {
      shape: "thousands of speakers' paragraphs",
      text: body(fill(size, (i) => `${person(i)} said the bridge would open.`, "\n\n")),
    },
    {
      shape: "competing accounts",
      text: body(
        fill(
          size,
          (i) =>
            i % 2
              ? `The Daily Ledger reported that ${(i % 7) + 2} gunmen opened fire at the station.`
              : "Police said the gunman fired at the station.",
          "\n\n",
        ),
      ),
    },
    {
      shape: "quotation after quotation",
      text: body(fill(size, (i) => `“We will build it.” ${name(i)} said so. “And more.”`)),
    },
    {
      shape: "paragraphs ending in a colon",
      text: body(fill(size, (i) => `${name(i)} said:`, "\n\n")),
    },
    {
      shape: "embedded tweet with a hyphenated run",
      text: body(`${name(0)} (@${name(0)}) wrote pic.twitter.com/abc ${"a-".repeat((size - 60) / 2)} ok`),
    },
    {
      shape: "mis-encoded word after a long one",
      text: body(`${"a".repeat(size - 60)} FranÃ§ois said so.`),
    },
    {
      shape: "a run of white space",
      text: body(`${name(0)} said ${" ".repeat(size - 40)}the bridge said so`),
    },
  ];
}
