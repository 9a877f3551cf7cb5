import { createHmac, sign as signBytes, timingSafeEqual, verify as verifyBytes } from "node:crypto";
import { signingKey, verifyingKey } from "@/lib/signing/ed25519-keys";

// Standard Webhooks signatures (https://www.standardwebhooks.com/): pure functions, no I/O.
// The signed content is "<id>.<timestamp>.<body>". A "whsec_" secret (base64 key bytes) signs
// with HMAC-SHA256 as `v1,…`; a "whsk_" secret key signs with Ed25519 as `v1a,…`, which
// receivers check with the "whpk_" public key (lib/signing/ed25519-keys.ts).

const PREFIX = "whsec_";
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

function keyBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

/**
 * One signature: `v1a,<base64>` (Ed25519) for a `whsk_` key, else `v1,<base64>` (HMAC-SHA256).
 * `timestamp` is in seconds since the epoch.
 */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const ed25519 = signingKey(secret);
  if (ed25519)
    return `v1a,${signBytes(null, Buffer.from(`${id}.${timestamp}.${body}`), ed25519).toString("base64")}`;
  const mac = createHmac("sha256", keyBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per valid secret, space-separated, so rotation has no gap. */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((s) => sign(s, id, timestamp, body)).join(" ");
}

/**
 * True when the timestamp is within `toleranceSeconds` of `nowSeconds` and a signature in the
 * header matches: a `v1a` one checked with the Ed25519 key when `secret` is a `whpk_` public key
 * (or a `whsk_` secret key), else a `v1` HMAC compared in constant time.
 */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const publicKey = secret.startsWith("whsec_") ? null : verifyingKey(secret);
  if (publicKey) {
    const signed = Buffer.from(`${headers.id}.${timestamp}.${body}`);
    return headers.signature.split(" ").some((candidate) => {
      const [version, value] = candidate.split(",");
      if (version !== "v1a" || !value) return false;
      const given = Buffer.from(value, "base64");
      return given.length === 64 && verifyBytes(null, signed, publicKey, given);
    });
  }
  const expected = Buffer.from(sign(secret, headers.id, timestamp, body).slice(3), "base64");
  return headers.signature.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
