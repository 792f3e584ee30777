// The production build: the TypeScript of src/ and commands/ compiled into dist/ (tsconfig.build.json), the
// JSON weights the engines read at run time copied beside their modules, the offline engine's fingerprint
// computed from the sources, and last the stamp of the sources it was made from (scripts/build-stamp.mjs).
// Run by `npm install` / `npm ci` (prepare), by `npm start` when dist/ is missing or stale (--if-stale), and
// by `npm run build`. Plain JavaScript, so it needs neither tsx nor a previous build.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildIsFresh, STAMP_FILE, sourceStamp } from "./build-stamp.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(root, "dist");
// Built beside dist/ and swapped in whole, so a process running the old build never sees half a new one.
const STAGING = join(root, `dist.building-${process.pid}`);

if (process.argv.includes("--if-stale") && buildIsFresh(root)) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  // An install without devDependencies still works, only slower: bin/newsdesk runs the sources through tsx.
  console.warn("build: TypeScript is not installed, so no build; bin/newsdesk runs the sources through tsx");
  process.exit(0);
}

const started = performance.now();
const stamp = sourceStamp(root);
rmSync(STAGING, { recursive: true, force: true });
// Type errors are reported by `npm run typecheck` and CI; the build only emits (noCheck), in seconds.
const compiled = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", STAGING], {
  cwd: root,
  stdio: "inherit",
});
if (compiled.status !== 0) {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(`build: tsc failed (exit ${compiled.status ?? compiled.signal})`);
  process.exit(1);
}

// The weights are read from beside their modules (new URL("./weights.json", import.meta.url)).
function copyJson(dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyJson(path);
    else if (entry.name.endsWith(".json")) {
      mkdirSync(join(STAGING, dir), { recursive: true });
      copyFileSync(join(root, path), join(STAGING, path));
    }
  }
}
copyJson("src");
copyJson("commands");

// The same function the engine runs under tsx, over the same sources: the same version either way.
const fingerprintModule = pathToFileURL(join(STAGING, "src/engine/fingerprint.js")).href;
const { BUILT_FINGERPRINT_FILE, engineFingerprintOf } = await import(fingerprintModule);
const fingerprint = engineFingerprintOf(join(root, "src/engine"));
writeFileSync(join(STAGING, "src/engine", BUILT_FINGERPRINT_FILE), `${fingerprint}\n`);

if (sourceStamp(root) !== stamp) {
  rmSync(STAGING, { recursive: true, force: true });
  console.error("build: the sources changed while building; run it again");
  process.exit(1);
}
writeFileSync(join(STAGING, relative("dist", STAMP_FILE)), `${stamp}\n`);

const old = `${DIST}.old-${process.pid}`;
if (existsSync(DIST)) renameSync(DIST, old);
renameSync(STAGING, DIST);
rmSync(old, { recursive: true, force: true });
console.log(
  `build: src/ and commands/ compiled into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s (offline engine ${fingerprint})`,
);
