import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { idAtTime, newId } from "@/lib/ids";

describe("ids", () => {
  it("are prefixed, fixed-width and sort by creation time", () => {
    const earlier = newId("msg", Date.UTC(2026, 0, 1));
    const later = newId("msg", Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect(earlier).toMatch(/^msg_[0-9A-Za-z]{22}$/);
    expect(earlier < later).toBe(true);
    expect(idAtTime("msg", new Date(Date.UTC(2026, 0, 1))) <= earlier).toBe(true);
  });
});

describe("secrets at rest", () => {
  it("round-trip through AES-256-GCM and differ each time", () => {
    const a = encryptSecret("whsec_abc");
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain("whsec_abc");
    expect(encryptSecret("whsec_abc")).not.toBe(a);
    expect(decryptSecret(a)).toBe("whsec_abc");
  });

  it("refuse a tampered ciphertext or another key", () => {
    const sealed = encryptSecret("whsec_abc");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
    const original = process.env.SECRETS_ENCRYPTION_KEY;
    process.env.SECRETS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    expect(() => decryptSecret(sealed)).toThrow();
    process.env.SECRETS_ENCRYPTION_KEY = original;
  });
});
