import { describe, expect, it } from "vitest";
import { signLink, verifyLink } from "../src/web/link-token.ts";

const SECRET = "a-test-secret-of-at-least-32-characters!";
const NOW = Date.UTC(2025, 0, 15, 12);
const payload = { guildId: "123456789", articleId: "footbridge", version: 2, expiresAt: NOW + 3_600_000 };

describe("web view links", () => {
  it("a signed link names its guild, article, version and expiry, and verifies before it expires", () => {
    const token = signLink(payload, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: true, payload });
  });

  it("a changed payload or another secret is forged; a link past its expiry is expired", () => {
    const token = signLink(payload, SECRET);
    const [, signature] = token.split(".");
    const otherVersion = signLink({ ...payload, version: 1 }, "another-secret-of-at-least-32-chars!!");
    const [changedBody] = otherVersion.split(".");
    expect(verifyLink(`${changedBody}.${signature}`, SECRET, NOW)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(token, `${SECRET}x`, NOW)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(otherVersion, SECRET, NOW)).toEqual({ ok: false, reason: "forged" });
    // One character of the signature changed.
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(verifyLink(flipped, SECRET, NOW)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(token, SECRET, payload.expiresAt)).toEqual({ ok: false, reason: "expired" });
    expect(verifyLink(token, SECRET, payload.expiresAt + 1)).toEqual({ ok: false, reason: "expired" });
  });

  it("anything that is not a token is malformed", () => {
    for (const bad of ["", "abc", "a.b.c", "not base64!.sig", `${"a".repeat(2000)}.b`])
      expect(verifyLink(bad, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });
});
