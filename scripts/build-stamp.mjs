// The stamp that says which sources a build in dist/ was made from: a sha256 over the path and content of
// every input. scripts/build.mjs writes it last; bin/newsdesk runs dist/ only while it still matches, so an
// edited checkout never runs an old build. Plain JavaScript: it runs before any build and without tsx.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What a build is made from: the compiled folders and the files that say how they are compiled. */
const INPUT_DIRS = ["src", "commands"];
const INPUT_FILES = ["tsconfig.json", "tsconfig.build.json", "scripts/build.mjs", "scripts/build-stamp.mjs"];

export const STAMP_FILE = "dist/build-stamp.txt";

function filesUnder(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      return entry.isDirectory() ? filesUnder(root, path) : [path];
    });
}

/** The stamp of the sources as they are now in the project at `root`. */
export function sourceStamp(root) {
  const hash = createHash("sha256");
  for (const path of [...INPUT_DIRS.flatMap((dir) => filesUnder(root, dir)), ...INPUT_FILES]) {
    const content = readFileSync(join(root, path));
    // Length-prefixed, so no two different trees hash the same bytes.
    hash.update(`${path}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest("hex");
}

/** The stamp the build in dist/ was made from, or undefined when there is no finished build. */
export function builtStamp(root) {
  try {
    return readFileSync(join(root, STAMP_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** True when dist/ holds a finished build of the sources as they are now. */
export function buildIsFresh(root) {
  const built = builtStamp(root);
  return built !== undefined && built === sourceStamp(root);
}
