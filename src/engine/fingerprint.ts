import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A fingerprint of the offline engine's own sources, given the engine's source folder (src/engine). The
 * development run computes it from the sources it runs; the build (scripts/build.mjs) computes it with
 * this same function from the same sources and ships it, so a digest cached by either is valid for both.
 */
export function engineFingerprintOf(engineDir: string): string {
  const hash = createHash("sha256");
  // The engine reads text through the shared linguistic layer (src/nlp), so a change there counts too.
  for (const from of [engineDir, join(engineDir, "..", "nlp")])
    for (const file of readdirSync(from).sort())
      if (file.endsWith(".ts") || file.endsWith(".json")) hash.update(readFileSync(join(from, file)));
  hash.update(readFileSync(join(engineDir, "..", "digest", "schema.ts")));
  return hash.digest("hex").slice(0, 10);
}

/** Where the build leaves the fingerprint, beside the compiled engine (dist/src/engine/). */
export const BUILT_FINGERPRINT_FILE = "engine-fingerprint.txt";
