import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, engineRuns, logLines } from "./support/cli.ts";
import { FIRE_PATH, SAMPLE_PATH } from "./support/paths.ts";

const isRoot = process.getuid?.() === 0;
const degraded = (stderr: string) => logLines(stderr).some((l) => l.msg.startsWith("digest cache degraded"));
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const undo of cleanups.reverse()) undo();
});

/** Makes a folder and its files unwritable, even for root (chattr +i), and returns how to undo it. */
function makeReadOnly(dir: string, files: string[]): () => void {
  if (isRoot) {
    execFileSync("chattr", ["+i", ...files, dir]);
    return () => execFileSync("chattr", ["-i", ...files, dir]);
  }
  execFileSync("chmod", ["a-w", ...files, dir]);
  return () => execFileSync("chmod", ["u+w", ...files, dir]);
}

function tryMountTmpfs(dir: string, size: string): boolean {
  if (!isRoot) return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    cleanups.push(() => execFileSync("umount", ["-l", dir]));
    return true;
  } catch {
    return false;
  }
}

describe("a store that cannot be written", () => {
  it("answers from the engine with a read-only data folder, still serves what is stored, and logs the cache as degraded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-ro-"));
    const file = join(dir, "newsdesk.sqlite");
    const env = { STORE_URL: `sqlite://${file}`, LOG_LEVEL: "info" };
    expect((await cli(["digest", SAMPLE_PATH], "", env)).code).toBe(0);
    const undo = makeReadOnly(dir, [file]);
    cleanups.push(undo);
    const fresh = await cli(["digest", FIRE_PATH, "--json"], "", env);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout).title).toBe("Fire guts warehouse in Riverton, two firefighters hurt");
    expect(degraded(fresh.stderr)).toBe(true);
    const stored = await cli(["digest", SAMPLE_PATH], "", env);
    expect(stored.code).toBe(0);
    expect(engineRuns(stored.stderr)).toBe(0);
  });

  const full = mkdtempSync(join(tmpdir(), "newsdesk-full-"));
  const mounted = tryMountTmpfs(full, "2m");
  it.skipIf(!mounted)(
    "answers from the engine when the disk is full (needs root to mount a small tmpfs)",
    async () => {
      const dir = join(full, "data");
      mkdirSync(dir);
      const env = { STORE_URL: `sqlite://${join(dir, "newsdesk.sqlite")}`, LOG_LEVEL: "info" };
      expect((await cli(["digest", SAMPLE_PATH], "", env)).code).toBe(0);
      try {
        writeFileSync(join(full, "filler"), Buffer.alloc(4 << 20));
      } catch {
        // ENOSPC: the disk is now full, which is the point.
      }
      const r = await cli(["digest", FIRE_PATH, "--json"], "", env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).statements.length).toBeGreaterThan(0);
      expect(degraded(r.stderr)).toBe(true);
    },
  );
  if (!mounted)
    console.warn("store-failures: full-disk test skipped (needs root and tmpfs to simulate a full disk)");
});
