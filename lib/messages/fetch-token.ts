import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// Short-lived tokens that let a receiver without an API key re-fetch one message (thin payloads).
// `hkft_<expiry seconds>.<message id>.<mac>`, HMAC-SHA256 under a key derived from
// SECRETS_ENCRYPTION_KEY, bound to tenant, application and message.

export const FETCH_TOKEN_TTL_SECONDS = 60 * 60;
const PREFIX = "hkft_";

function key(): Buffer {
  const master = Buffer.from(process.env.SECRETS_ENCRYPTION_KEY ?? "", "base64");
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "hookline fetch token v1", 32));
}

function mac(tenantId: string, appId: string, msgId: string, exp: number): string {
  return createHmac("sha256", key()).update(`${tenantId}.${appId}.${msgId}.${exp}`).digest("base64url");
}

export function createFetchToken(tenantId: string, appId: string, msgId: string, now = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + FETCH_TOKEN_TTL_SECONDS;
  return `${PREFIX}${exp}.${msgId}.${mac(tenantId, appId, msgId, exp)}`;
}

export function isFetchToken(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The message id the token grants, if it is genuine, unexpired, and for this tenant and application. */
export function verifyFetchToken(
  token: string,
  tenantId: string,
  appId: string,
  now = new Date(),
): string | null {
  const [expText, msgId, given] = token.slice(PREFIX.length).split(".");
  const exp = Number(expText);
  if (!msgId || !given || !Number.isInteger(exp) || exp < now.getTime() / 1000) return null;
  const expected = Buffer.from(mac(tenantId, appId, msgId, exp));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? msgId : null;
}
