import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { OFFLINE_ENGINE } from "../src/engine/offline.ts";
import { normalizeInput, sha256 } from "../src/nlp/text.ts";
import { keyString } from "../src/store/digest-store.ts";
import { cli, engineRuns, logLines } from "./support/cli.ts";
import { SAMPLE_PATH, sampleText } from "./support/paths.ts";

const FOLLOW_UP = new URL("./fixtures/sample-breaking-news-followup.txt", import.meta.url).pathname;

function sqliteStore() {
  const file = join(mkdtempSync(join(tmpdir(), "newsdesk-sqlite-")), "data", "newsdesk.sqlite");
  return { file, env: { STORE_URL: `sqlite://${file}`, LOG_LEVEL: "info" } };
}

describe("SQLite store across processes", () => {
  it.concurrent("a second process reads the digest the first wrote and runs the engine zero times", async () => {
    const { env } = sqliteStore();
    const first = await cli(["digest", SAMPLE_PATH, "--json"], "", env);
    const second = await cli(["digest", SAMPLE_PATH, "--json"], "", env);
    expect(first.code).toBe(0);
    expect(engineRuns(first.stderr)).toBe(1);
    expect(second.code).toBe(0);
    expect(engineRuns(second.stderr)).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it.concurrent("--no-cache runs the engine and leaves the cache alone", async () => {
    const { env } = sqliteStore();
    const skipped = await cli(["digest", SAMPLE_PATH, "--no-cache"], "", env);
    const cached = await cli(["digest", SAMPLE_PATH], "", env);
    expect(engineRuns(skipped.stderr)).toBe(1);
    expect(engineRuns(cached.stderr)).toBe(1);
  });

  it.concurrent("keeps the library across restarts: add, update and diff in three processes", async () => {
    const { env } = sqliteStore();
    const added = await cli(["library", "add", SAMPLE_PATH, "--title", "Paris shooting"], "", env);
    expect(added.stdout).toMatch(/^added paris-shooting: Paris shooting \(version 1;/);
    const updated = await cli(["library", "update", "paris-shooting", FOLLOW_UP], "", env);
    expect(updated.stdout).toMatch(/updated paris-shooting to version 2/);
    const [diff, list] = await Promise.all([
      cli(["library", "diff", "paris-shooting"], "", env),
      cli(["library", "list"], "", env),
    ]);
    expect(diff.stdout).toMatch(/unknown → confirmed: the attacker's identity had been confirmed/);
    expect(diff.stdout).toMatch(/No longer in the story[\s\S]*at least two attackers/);
    expect(list.stdout).toMatch(/^paris-shooting\tParis shooting\tv2\t/);
    // Adding and updating digested each text once; the diff read stored digests only.
    expect(engineRuns(diff.stderr)).toBe(0);
  });

  it.concurrent("replaces a corrupt entry instead of serving it", async () => {
    const { file, env } = sqliteStore();
    await cli(["digest", SAMPLE_PATH], "", env);
    const keyv = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: "digest" });
    const key = keyString({ sha256: sha256(normalizeInput(sampleText())), engine: OFFLINE_ENGINE });
    expect(await keyv.get(key)).toBeDefined();
    await keyv.set(key, { statements: "garbage" });
    await keyv.disconnect();
    const after = await cli(["digest", SAMPLE_PATH, "--json"], "", env);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).title).toBe("Paris police say officer and attacker shot, killed");
    expect(engineRuns(after.stderr)).toBe(1);
    expect(logLines(after.stderr).some((l) => l.msg.startsWith("digest cache degraded"))).toBe(true);
    const healed = await cli(["digest", SAMPLE_PATH], "", env);
    expect(engineRuns(healed.stderr)).toBe(0);
  });

  it.concurrent("fails at start-up with a message naming STORE_URL when the store cannot be opened", async () => {
    const [file, redis, bad] = await Promise.all([
      cli(["digest", SAMPLE_PATH], "", { STORE_URL: `sqlite://${SAMPLE_PATH}/data.sqlite` }),
      cli(["digest", SAMPLE_PATH], "", { STORE_URL: "redis://user:secret@127.0.0.1:1" }),
      cli(["digest", SAMPLE_PATH], "", { STORE_URL: "postgres://x" }),
    ]);
    for (const r of [file, redis, bad]) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/STORE_URL/);
      expect(r.stderr).not.toContain("secret");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
