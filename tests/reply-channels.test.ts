import { describe, expect, it } from "vitest";
import { pagePayload } from "../src/discord/pages.ts";
import { paginate } from "../src/discord/paginate.ts";
import { renderReplyText } from "../src/render/reply-text.ts";
import { channelRef, type Reply } from "../src/reply.ts";

const reply: Reply = {
  embeds: [
    {
      title: "Scheduled",
      description: `Posts go to ${channelRef("1234")}.`,
      color: 0,
      fields: [{ name: "Where", value: `${channelRef("1234")} and ${channelRef("5678")}` }],
    },
  ],
};

describe("channels named in a reply", () => {
  it("are links in Discord and plain names in the console; handlers write neither", () => {
    const [embed] = pagePayload(reply.embeds.flatMap(paginate), 0).embeds;
    expect(embed?.description).toBe("Posts go to <#1234>.");
    expect(embed?.fields?.[0]?.value).toBe("<#1234> and <#5678>");
    expect(renderReplyText(reply)).toContain("Posts go to #1234.");
    expect(renderReplyText(reply)).not.toMatch(/<#|\u27e6/);
  });
});
