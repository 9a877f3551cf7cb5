import { createHmac, timingSafeEqual } from "node:crypto";

// Standard Webhooks signatures (https://www.standardwebhooks.com/): pure functions, no I/O.
// A secret is "whsec_" + base64 key bytes; the signed content is "<id>.<timestamp>.<body>".

const PREFIX = "whsec_";
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

function keyBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

/** One `v1,<base64>` signature. `timestamp` is in seconds since the epoch. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", keyBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per valid secret, space-separated, so rotation has no gap. */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((s) => sign(s, id, timestamp, body)).join(" ");
}

/**
 * True when any `v1` signature in `header` matches, compared in constant time, and the timestamp
 * is within `toleranceSeconds` of `nowSeconds`.
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
  const expected = Buffer.from(sign(secret, headers.id, timestamp, body).slice(3), "base64");
  return headers.signature.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
