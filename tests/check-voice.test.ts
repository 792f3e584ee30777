import { describe, expect, it } from "vitest";
import { indexArticle } from "../src/check/article-index.ts";
import { claimFeatures } from "../src/check/claim-features.ts";
import { termsOf } from "../src/check/terms.ts";
import { voiceFor, voiceOf } from "../src/check/voice.ts";
import { VOICE_FEATURE_NAMES, voiceFeatures } from "../src/check/voice-features.ts";

// Sentences written for these tests.
const voice = (text: string) => {
  const s = indexArticle(text).sentences[0];
  if (!s) throw new Error("no sentence");
  return voiceOf(s);
};

describe("the voice of a sentence", () => {
  it("reads the reporter's own sentence as narrated and asserted", () => {
    const v = voice(
      "The Corran ferry service was suspended on Sunday after a storm damaged the landing stage.",
    );
    expect(v.attributed).toBe(false);
    expect(v.status).toBe("confirmed");
  });

  it("reads an authority on the record as asserting it", () => {
    const v = voice("The ferry service was suspended on Sunday, police said.");
    expect(v).toMatchObject({ attributed: true, authority: true, cue: "neutral", status: "confirmed" });
  });

  it("reads an unnamed source's claim as relayed and unconfirmed", () => {
    const v = voice("An unnamed source claimed that the ferry service was suspended on Sunday.");
    expect(v).toMatchObject({ attributed: true, cue: "low", status: "unconfirmed" });
  });

  it("reads a denial as disputed", () => {
    const v = voice("The harbour board denied that the ferry was halted.");
    expect(v).toMatchObject({ attributed: true, cue: "deny", status: "disputed" });
  });

  it("reads a claim in the reporter's words around a citation as the reporter's", () => {
    const text = "The Corran ferry was halted on Monday after inspectors found cracks in the hull.";
    const s = indexArticle(text).sentences[0];
    if (!s) throw new Error("no sentence");
    expect(voiceFor(s, termsOf("Corran ferry halted"))).toMatchObject({
      attributed: false,
      status: "confirmed",
    });
    expect(voiceFor(s, termsOf("Cracks found in ferry hull")).attributed).toBe(voiceOf(s).attributed);
  });

  it("reads a hedge in the content's own clause", () => {
    expect(voice("The ferry service may have been suspended on Sunday.").hedged).toBe(true);
  });
});

describe("voice features", () => {
  it("tells a claim the article asserts from one it relays", () => {
    const claim = "Corran ferry service suspended after storm";
    const feature = (article: string, name: (typeof VOICE_FEATURE_NAMES)[number]) => {
      const index = indexArticle(article);
      const f = claimFeatures(index, claim);
      const near = f.matches.map((m) => m.sentence);
      return voiceFeatures(index, f, near)[VOICE_FEATURE_NAMES.indexOf(name)];
    };
    const stated = "The Corran ferry service was suspended after the storm on Sunday.";
    const relayed = "Local residents claim that the Corran ferry service was suspended after the storm.";
    expect(feature(stated, "best_confirmed")).toBe(1);
    expect(feature(relayed, "best_confirmed")).toBe(0);
    expect(feature(relayed, "best_claim_in_content")).toBeGreaterThan(0.5);
  });
});
