import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The rules of docs/architecture.md, checked on the source as it is.
const ROOT = fileURLToPath(new URL("..", import.meta.url));

const LAYERS: Record<string, number> = {
  errors: 0,
  log: 0,
  util: 0,
  reply: 0,
  poster: 0,
  nlp: 0,
  digest: 0,
  engine: 1,
  "engine/openai": 1,
  check: 1,
  ask: 1,
  store: 2,
  library: 2,
  schedule: 2,
  follow: 2,
  intake: 2,
  queue: 2,
  render: 3,
  web: 3,
  commands: 4,
  app: 5,
  config: 5,
  discord: 6,
  cli: 6,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The part a file belongs to: its folder under src/, a file directly in src/, or commands. */
function partOf(file: string): string {
  const path = relative(ROOT, file).replace(/\\/g, "/");
  if (path.startsWith("commands/")) return "commands";
  if (path.startsWith("src/engine/openai/")) return "engine/openai";
  const folder = /^src\/([^/]+)\//.exec(path)?.[1];
  return folder ?? path.replace(/^src\//, "").replace(/\.ts$/, "");
}

interface Import {
  from: string;
  to: string;
  /** The imported part, or the package name for a bare specifier. */
  target: string;
}

/** Every import of a file: static, re-exports and dynamic import(). */
function importsOf(file: string, text = readFileSync(file, "utf8")): Import[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] ?? "");
  return specifiers.map((spec) => {
    if (!spec.startsWith(".")) return { from: file, to: spec, target: spec };
    const to = resolve(dirname(file), spec);
    return { from: file, to, target: partOf(to) };
  });
}

function violations(files: string[], read: (file: string) => string): string[] {
  const out: string[] = [];
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const part = partOf(file);
    const layer = LAYERS[part];
    if (layer === undefined) {
      out.push(`${relative(ROOT, file)}: part '${part}' is not in docs/architecture.md`);
      continue;
    }
    for (const imp of importsOf(file, read(file))) {
      const where = `${relative(ROOT, file)} imports ${imp.to.startsWith("/") ? relative(ROOT, imp.to) : imp.to}`;
      if (imp.target === "discord.js" && part !== "discord")
        out.push(`${where}: only discord may use discord.js`);
      if ((imp.target === "bullmq" || imp.target === "ioredis") && part !== "queue")
        out.push(`${where}: only queue may use ${imp.target}`);
      const targetLayer = LAYERS[imp.target];
      if (targetLayer === undefined || imp.target === part) continue;
      if (targetLayer > layer)
        out.push(`${where}: ${part} (layer ${layer}) may not use ${imp.target} (layer ${targetLayer})`);
      if (imp.target === "config" && !["discord", "cli", "app"].includes(part))
        out.push(`${where}: only the edges and app read config`);
      const set = edges.get(part) ?? new Set<string>();
      set.add(imp.target);
      edges.set(part, set);
    }
  }
  // Circles between parts (parts of one layer may use each other, but not both ways round).
  const seen = new Set<string>();
  const visit = (part: string, path: string[]) => {
    if (path.includes(part)) {
      const circle = [...path.slice(path.indexOf(part)), part].join(" -> ");
      if (!seen.has(circle)) out.push(`import circle: ${circle}`);
      seen.add(circle);
      return;
    }
    for (const next of edges.get(part) ?? []) visit(next, [...path, part]);
  };
  for (const part of edges.keys()) visit(part, []);
  return out;
}

const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "commands"))];

describe("architecture (docs/architecture.md)", () => {
  it("every import follows the layers, only discord uses discord.js, only edges read config, no circles", () => {
    expect(violations(files, (f) => readFileSync(f, "utf8"))).toEqual([]);
  });

  it("would catch a forbidden import, a circle and discord.js outside the edge", () => {
    const read = (file: string) => {
      const text = readFileSync(file, "utf8");
      if (file.endsWith("src/engine/offline.ts"))
        return `import { loadConfig } from "../config.ts";\n${text}`;
      if (file.endsWith("src/nlp/tokens.ts"))
        return `import type { Digest } from "../digest/schema.ts";\n${text}`;
      if (file.endsWith("src/digest/schema.ts"))
        return `import { tokenize } from "../nlp/tokens.ts";\n${text}`;
      if (file.endsWith("commands/brief.ts")) return `import { Client } from "discord.js";\n${text}`;
      return text;
    };
    const found = violations(files, read).join("\n");
    expect(found).toMatch(
      /src\/engine\/offline\.ts imports src\/config\.ts: engine \(layer 1\) may not use config/,
    );
    expect(found).toMatch(/import circle: (?:nlp -> digest -> nlp|digest -> nlp -> digest)/);
    expect(found).toMatch(/commands\/brief\.ts imports discord\.js: only discord may use discord\.js/);
  });
});
