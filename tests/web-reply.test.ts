import { describe, expect, it } from "vitest";
import { brief } from "../commands/brief.ts";
import { summary } from "../commands/summary.ts";
import { FULL_DIGEST_FIELD } from "../commands/types.ts";
import { offlineAnswerer } from "../src/ask/answerer.ts";
import { DIGEST_V1 } from "./support/web-story.ts";

const origin = { guildId: "g1", articleId: "footbridge", version: 2 };
const linkFor = (guildId: string, articleId: string, version: number) =>
  `https://desk.example/v/${guildId}-${articleId}-${version}`;

describe("digest replies link to the web view", () => {
  it("/summary and /brief carry 'Open the full digest: <link>' for the article's version when linkFor is given", async () => {
    for (const command of [summary, brief]) {
      const reply = await command.handle(DIGEST_V1, {}, { answerer: offlineAnswerer, linkFor, origin });
      const fields = reply.embeds.flatMap((e) => e.fields);
      expect(fields.filter((f) => f.name === FULL_DIGEST_FIELD)).toEqual([
        { name: FULL_DIGEST_FIELD, value: "Open the full digest: https://desk.example/v/g1-footbridge-2" },
      ]);
    }
  });

  it("carries no link when the web view is off or the digest is not from the library", async () => {
    for (const command of [summary, brief])
      for (const tools of [
        { answerer: offlineAnswerer, origin },
        { answerer: offlineAnswerer, linkFor },
      ]) {
        const reply = await command.handle(DIGEST_V1, {}, tools);
        expect(JSON.stringify(reply)).not.toContain("full digest");
      }
  });
});
