import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DigestSchema } from "../src/digest/schema.ts";
import { BIN, type CliResult, cli, cliProcess } from "./support/cli.ts";
import { SAMPLE_PATH, sampleText } from "./support/paths.ts";

const tmp = mkdtempSync(join(tmpdir(), "newsdesk-cli-"));

const noStackTrace = (r: CliResult) => {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
};

// The rest run the CLI in-process (tests/support/cli.ts); these two start the real binary, as a user does.
describe("bin/newsdesk as a process", () => {
  it.concurrent("--help prints the usage and exits 0; no command (in-process) prints it and exits 2", async () => {
    const [help, none] = await Promise.all([cliProcess(["--help"]), cli([])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage:\n {2}newsdesk digest FILE\|URL\|-/);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(help.stdout);
  });

  it.concurrent("stops quietly when its reader closes the pipe early (| head)", async () => {
    const pair = (i: number) =>
      JSON.stringify({ id: `p${i}`, article: sampleText(), claim: "A police officer was killed" });
    const child = spawn(BIN, ["check", "--jsonl"], {
      env: { ...process.env, DISCORD_TOKEN: "", STORE_URL: "memory" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += String(chunk);
    });
    // The child may leave before it has read all its input: our write then fails, and that is expected.
    child.stdin.on("error", () => {});
    // Far more answers than a pipe buffers: the writer is still at work when the reader goes.
    child.stdin.end(`${Array.from({ length: 3000 }, (_, i) => pair(i)).join("\n")}\n`);
    child.stdout.once("data", () => child.stdout.destroy());
    const [code] = (await once(child, "exit")) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it.concurrent("digest FILE prints what we know, what we don't, and the sources", async () => {
    const r = await cliProcess(["digest", SAMPLE_PATH]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/What we know[\s\S]*What we don't know[\s\S]*Sources/);
  });
});

describe("bin/newsdesk errors", () => {
  it.concurrent("reports a missing file in one line", async () => {
    const r = await cli(["digest", join(tmp, "nope.txt")]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no such file/);
    noStackTrace(r);
  });

  it.concurrent("refuses empty, whitespace-only and binary input", async () => {
    const blank = join(tmp, "blank.txt");
    writeFileSync(blank, "  \n\t\n");
    const binary = join(tmp, "image.bin");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]));
    const [empty, whitespace, bin] = await Promise.all([
      cli(["digest", "-"], ""),
      cli(["digest", blank]),
      cli(["digest", binary]),
    ]);
    for (const r of [empty, whitespace, bin]) {
      expect(r.code).not.toBe(0);
      noStackTrace(r);
    }
    expect(empty.stderr).toMatch(/empty/);
    expect(whitespace.stderr).toMatch(/empty/);
    expect(bin.stderr).toMatch(/binary/);
  });

  it.concurrent("names the size limit when an article is too large", async () => {
    const big = join(tmp, "big.txt");
    writeFileSync(big, "word ".repeat(3000));
    const r = await cli(["digest", big], "", { MAX_ARTICLE_BYTES: "10000" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/limit of 10 kB/);
    noStackTrace(r);
  });

  it.concurrent("reports invalid JSON lines by number and goes on with the others", async () => {
    const lines = [
      JSON.stringify({ id: "a", article: "Title\n\nThe council said the road would reopen on Monday." }),
      "{not json",
      JSON.stringify({ id: "c", article: "   " }),
      JSON.stringify({ id: "d", article: "Title\n\nPolice said two men were arrested." }),
    ].join("\n");
    const r = await cli(["digest", "--jsonl"], `${lines}\n`);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/line 3 \(id c\): article is empty/);
    const ids = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(["a", "d"]);
  });
});

describe("bin/newsdesk contract", () => {
  it.concurrent("digest --jsonl writes one valid digest per input line", async () => {
    const r = await cli(["digest", "--jsonl"], `${JSON.stringify({ id: "seed", article: sampleText() })}\n`);
    expect(r.code).toBe(0);
    const row = JSON.parse(r.stdout);
    expect(row.id).toBe("seed");
    expect(DigestSchema.safeParse(row.digest).success).toBe(true);
  });

  it.concurrent("check --jsonl writes a verdict and verbatim evidence per pair", async () => {
    const article =
      "Dam holds after storm\n\nThe dam held overnight and no homes were flooded after the storm.";
    const input = [
      { id: 1, article, claim: "Dam holds after storm, no homes flooded" },
      { id: 2, article, claim: "Celebrity chef opens new restaurant in Tokyo" },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const r = await cli(["check", "--jsonl"], `${input}\n`);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.id)).toEqual([1, 2]);
    expect(rows[0].verdict).toBe("confirmed");
    expect(article).toContain(rows[0].evidence[0].quote);
    expect(rows[1].verdict).toBe("not_covered");
  });

  it.concurrent("ask answers with a status and paragraph, or says the article does not say", async () => {
    const [known, unknown] = await Promise.all([
      cli(["ask", SAMPLE_PATH, "Who claimed responsibility for the attack?"]),
      cli(["ask", SAMPLE_PATH, "What did the stock market do?"]),
    ]);
    expect(known.stdout).toMatch(/Unconfirmed: .*¶8/);
    expect(unknown.stdout.trim()).toBe("The article does not say.");
  });
});
