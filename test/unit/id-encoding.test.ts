import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Known "random" bytes, so every id can be checked against an encoding done independently here.
vi.mock("node:crypto", async (original) => {
  const crypto = await original<typeof import("node:crypto")>();
  let draw = 0;
  return {
    ...crypto,
    randomBytes: (size: number) => {
      const out = Buffer.alloc(size);
      for (let i = 0; i < size; i += 32) createHash("sha256").update(`${draw++}`).digest().copy(out, i);
      return out;
    },
  };
});

const { idAtTime, newId } = await import("@/lib/ids");
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** The reference: 6 bytes of milliseconds and 10 random bytes as one BigInt, in 22 base62 digits. */
function reference(prefix: string, millis: number, random: Buffer): string {
  let n = (BigInt(millis) << 80n) | BigInt(`0x${random.toString("hex")}`);
  let body = "";
  for (let i = 0; i < 22; i++, n /= 62n) body = ALPHABET[Number(n % 62n)] + body;
  return `${prefix}_${body}`;
}

describe("id encoding", () => {
  it("is the 16 bytes in base62, 22 digits, whatever the bytes", () => {
    // The same draws as the mock's, in the same order: lib/ids takes 4 KiB at a time.
    const pool = Buffer.alloc(4096);
    let draw = 0;
    const fill = () => {
      for (let i = 0; i < 4096; i += 32) createHash("sha256").update(`${draw++}`).digest().copy(pool, i);
    };
    fill();
    let offset = 0;
    for (const millis of [0, 1, Date.UTC(2026, 0, 1), 2 ** 48 - 1]) {
      for (let i = 0; i < 1000; i++) {
        if (offset + 10 > pool.length) {
          fill();
          offset = 0;
        }
        expect(newId("dlv", millis)).toBe(reference("dlv", millis, pool.subarray(offset, offset + 10)));
        offset += 10;
      }
      expect(idAtTime("msg", new Date(millis))).toBe(reference("msg", millis, Buffer.alloc(10)));
    }
  });
});
