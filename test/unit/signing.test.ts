import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSecretKey, publicKeyOf } from "@/lib/signing/ed25519-keys";
import { sign, signatureHeader, verify } from "@/lib/signing/standard-webhooks";

const secret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
const other = `whsec_${Buffer.alloc(32, 2).toString("base64")}`;

describe("Standard Webhooks signing", () => {
  it("matches the reference implementation", () => {
    const ts = Math.floor(Date.now() / 1000);
    const expected = new Webhook(secret.slice(6)).sign("msg_1", new Date(ts * 1000), '{"a":1}');
    expect(sign(secret, "msg_1", ts, '{"a":1}')).toBe(expected);
  });

  it("carries one signature per valid secret, and verifies with either", () => {
    const ts = Math.floor(Date.now() / 1000);
    const header = signatureHeader([secret, other], "msg_1", ts, "{}");
    expect(header.split(" ")).toHaveLength(2);
    for (const s of [secret, other])
      expect(verify(s, { id: "msg_1", timestamp: String(ts), signature: header }, "{}")).toBe(true);
  });

  it("rejects a changed body, another id, a stale timestamp and a wrong secret", () => {
    const ts = 1_800_000_000;
    const header = signatureHeader([secret], "msg_1", ts, "{}");
    const h = { id: "msg_1", timestamp: String(ts), signature: header };
    expect(verify(secret, h, "{}", ts)).toBe(true);
    expect(verify(secret, h, '{"x":1}', ts)).toBe(false);
    expect(verify(secret, { ...h, id: "msg_2" }, "{}", ts)).toBe(false);
    expect(verify(secret, h, "{}", ts + 301)).toBe(false);
    expect(verify(other, h, "{}", ts)).toBe(false);
  });

  it("signs v1a with a whsk_ key, verified with its whpk_ public key only", () => {
    const whsk = generateSecretKey();
    const whpk = publicKeyOf(whsk);
    const ts = 1_800_000_000;
    const header = signatureHeader([whsk, secret], "msg_1", ts, "{}");
    expect(header).toMatch(/^v1a,\S+ v1,\S+$/);
    const h = { id: "msg_1", timestamp: String(ts), signature: header };
    expect(verify(whpk, h, "{}", ts)).toBe(true);
    expect(verify(secret, h, "{}", ts)).toBe(true);
    expect(verify(whpk, h, "{ }", ts)).toBe(false);
    expect(verify(publicKeyOf(generateSecretKey()), h, "{}", ts)).toBe(false);
    // A v1a value under the v1 label, or garbage, is not accepted.
    expect(verify(whpk, { ...h, signature: header.replace("v1a,", "v1,") }, "{}", ts)).toBe(false);
    expect(verify(whpk, { ...h, signature: "v1a,AAAA" }, "{}", ts)).toBe(false);
  });
});
