import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { projectPath } from "../../util/project-paths.ts";

const DIR = projectPath("prompts/");
const NAMES = ["system", "digest", "ask", "check"] as const;
export type PromptName = (typeof NAMES)[number];

export interface Prompts {
  text: Record<PromptName, string>;
  /** Changes whenever any prompt file changes; part of the engine version and so of the cache key. */
  version: string;
}

export function loadPrompts(dir = DIR): Prompts {
  const hash = createHash("sha256");
  const text = {} as Record<PromptName, string>;
  for (const name of NAMES) {
    const body = readFileSync(`${dir}${name}.md`, "utf8").trim();
    text[name] = body;
    hash.update(`${name}\n${body}\n`);
  }
  return { text, version: `p${hash.digest("hex").slice(0, 8)}` };
}
