import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
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
});
