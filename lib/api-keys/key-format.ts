import { createHash, randomBytes } from "node:crypto";

// API keys look like `hk_live_<32 base62-ish chars>`: 192 random bits, so SHA-256 alone is a safe
// way to store them (no salt or slow hash needed: there is nothing to brute-force).
export const KEY_PREFIX = "hk_live_";

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(24).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What lists show: enough to tell keys apart, far too little to use. */
export function visiblePrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
