import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DigestSchema } from "../src/digest/schema.ts";
import { OFFLINE_ENGINE } from "../src/engine/offline.ts";
import { type CliResult, cli } from "./support/cli.ts";
import { SAMPLE_PATH } from "./support/paths.ts";

// The production build, made in a copy of the project (so the dist/ other suites may be running is never
// touched) whose node_modules lacks tsx: whatever runs there runs compiled, or fails.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const copy = mkdtempSync(join(tmpdir(), "newsdesk-build-"));

function run(file: string, args: string[], input = "", env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [file, ...args],
      {
        cwd: copy,
        env: { ...process.env, DISCORD_TOKEN: "", STORE_URL: "memory", ...env },
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}
const compiledCli = (args: string[], input = "", env: Record<string, string> = {}) =>
  run(join(copy, "bin/newsdesk"), args, input, env);

beforeAll(async () => {
  for (const path of ["src", "commands", "bin", "prompts", "examples", "package.json", "tsconfig.json"])
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  for (const path of ["tsconfig.build.json", "scripts/build.mjs", "scripts/build-stamp.mjs"])
    cpSync(join(ROOT, path), join(copy, path));
  mkdirSync(join(copy, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules")))
    if (name !== "tsx") symlinkSync(join(ROOT, "node_modules", name), join(copy, "node_modules", name));
  const built = await run(join(copy, "scripts/build.mjs"), []);
  expect(built.stderr).toBe("");
  expect(built.code).toBe(0);
}, 120_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("the compiled build (npm run build)", () => {
  it("digests the sample as the sources run through tsx do, with the same engine version", async () => {
    const [compiled, sources] = await Promise.all([
      compiledCli(["digest", SAMPLE_PATH, "--json"]),
      cli(["digest", SAMPLE_PATH, "--json"], "", { NEWSDESK_FROM_SOURCES: "1" }),
    ]);
    expect(compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);
    expect(sources.code).toBe(0);
    const digest = DigestSchema.parse(JSON.parse(compiled.stdout));
    expect(digest).toEqual(JSON.parse(sources.stdout));
    // The fingerprint the build computed is the one the sources compute: a cache serves both.
    expect(digest.engine).toEqual(OFFLINE_ENGINE);
  });

  it("runs the digest worker thread compiled (the bot's and the console's engine)", async () => {
    const r = await compiledCli(["start", SAMPLE_PATH], "/summary\n/quit\n", { LOG_LEVEL: "info" });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("offline digests run in a worker thread");
    expect(r.stderr).toContain('"msg":"engine run"');
    expect(r.stdout).toMatch(/confirmed ·/);
  });

  it("prints the usage for --help (exit 0) and for no arguments (exit 2)", async () => {
    const [help, none] = await Promise.all([compiledCli(["--help"]), compiledCli([])]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/^usage:\n {2}newsdesk digest/);
    expect(none).toMatchObject({ code: 2, stdout: help.stdout });
  });

  // Last: it edits the copy's sources.
  it("is not run once the sources change: bin/newsdesk runs them through tsx instead", async () => {
    writeFileSync(join(copy, "src/cli/usage.ts"), 'export const USAGE = "usage: edited after the build";\n');
    const withoutTsx = await compiledCli(["--help"]);
    expect(withoutTsx.code).not.toBe(0);
    expect(withoutTsx.stderr).toMatch(/Cannot find package 'tsx'/);
    symlinkSync(join(ROOT, "node_modules/tsx"), join(copy, "node_modules/tsx"));
    expect(await compiledCli(["--help"])).toMatchObject({
      code: 0,
      stdout: "usage: edited after the build\n",
    });
  });
});
