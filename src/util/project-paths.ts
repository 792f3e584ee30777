import { fileURLToPath } from "node:url";

/**
 * True when this is the compiled build (dist/, made by scripts/build.mjs), false when the TypeScript
 * sources run through tsx or vitest. Every module is compiled or none is, so this file's own name tells.
 */
export const COMPILED = import.meta.url.endsWith(".js");

// The compiled modules sit one folder deeper (dist/src/util/) than the sources (src/util/).
const PROJECT_ROOT = new URL(COMPILED ? "../../../" : "../../", import.meta.url);

/**
 * A path in the project's own folders (data/, prompts/, examples/), never inside the build output, so the
 * compiled build and the sources share one store and one set of prompts.
 */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(relative, PROJECT_ROOT));
}
