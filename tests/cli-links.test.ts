import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli.ts";
import { StorySite, storyPage } from "./support/story-site.ts";

// bin/newsdesk with links: a local site on 127.0.0.1, allow-listed; a SQLite store shared across runs.
const site = new StorySite();
let env: Record<string, string>;
beforeAll(async () => {
  await site.start();
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-links-"));
  env = { FETCH_ALLOW_HOSTS: site.allowHost, STORE_URL: `sqlite://${join(dir, "store.sqlite")}` };
});
afterAll(async () => {
  await site.stop();
});

describe("newsdesk with links", () => {
  it("digests a URL, and refuses a private address with a clear message", async () => {
    site.set("/story", storyPage("story-v1"));
    const ok = await cli(["digest", site.url("/story")], "", env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Van driver kills two in Harbor City square/);
    expect(ok.stdout).toMatch(/John Dorsey/);
    const refused = await cli(["digest", "http://10.1.2.3/story"], "", env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/private or local network address/);
  }, 30_000);

  it("adds by --url, follows a page, and run-once prints the change a channel would get", async () => {
    site.set("/live", storyPage("story-v1"));
    const added = await cli(["library", "add", "--url", site.url("/story"), "--guild", "desk"], "", env);
    expect(added.stdout).toMatch(/^added van-driver-kills-two/);
    const follow = await cli(
      ["follow", "add", site.url("/live"), "--every", "2", "--guild", "desk"],
      "",
      env,
    );
    const id = /following ([a-z0-9]+)/.exec(follow.stdout)?.[1] ?? "";
    expect(id).not.toBe("");
    expect((await cli(["follow", "run-once", "--guild", "desk"], "", env)).stdout).toMatch(
      `${id}: new-version`,
    );
    site.set("/live", storyPage("story-v3-confirmed"));
    const changed = await cli(["follow", "run-once", "--guild", "desk"], "", env);
    expect(changed.stdout).toMatch(/--- post to channel cli ---[\s\S]*Now confirmed[\s\S]*John Dorsey/);
    expect((await cli(["follow", "list", "--guild", "desk"], "", env)).stdout).toMatch(`${id}\tpage`);
    await cli(["follow", "stop", id, "--guild", "desk"], "", env);
    expect((await cli(["follow", "list", "--guild", "desk"], "", env)).stdout).toMatch(/nothing is followed/);
  }, 60_000);
});
