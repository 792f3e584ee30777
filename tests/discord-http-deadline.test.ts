import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addByAttachment, replyTo, slash, startTwin, type TwinHarness } from "./support/twin.ts";

describe("POST /interactions: Discord's three-second deadline", () => {
  let t: TwinHarness;
  beforeAll(async () => {
    t = await startTwin({}, { mode: "http", deferAfterMs: 100 });
  }, 60_000);
  afterAll(() => t?.stop());

  it("acknowledges a reply that is still being prepared, then edits the answer in", async () => {
    const added = await addByAttachment(
      t,
      t.editorId,
      "bridge.txt",
      "Bridge closed\n\nThe council said the bridge was closed.",
    );
    const id = /Added ([a-z0-9-]+)/.exec((await replyTo(t, added.id)).embed.title ?? "")?.[1] ?? "";
    const library = t.services.library;
    if (!library) throw new Error("no library");
    // The lookup behind /summary is slow this once: the endpoint must not keep Discord waiting for it.
    const resolve = library.resolve.bind(library);
    const spy = vi.spyOn(library, "resolve").mockImplementationOnce(async (...args) => {
      await new Promise((r) => setTimeout(r, 600));
      return resolve(...args);
    });
    const run = await slash(t, t.reporterId, "summary", [{ name: "article", type: 3, value: id }]);
    const { embed, callbackType } = await replyTo(t, run.id);
    spy.mockRestore();
    expect(callbackType).toBe(5);
    expect(embed.title).toBe("Bridge closed");
    expect(t.logs.lines.some((l) => l.msg === "deferred at the deadline")).toBe(true);
  });
});
