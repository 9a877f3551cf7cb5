import { createHash, randomBytes } from "node:crypto";

// App-portal tokens: `hlp_` + 256 random bits. Only their SHA-256 is stored (like API keys, nothing
// to brute-force, so a fast hash is enough); the token lives in the widget URL it was minted for.
export const PORTAL_TOKEN_PREFIX = "hlp_";

export function generatePortalToken(): string {
  return PORTAL_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashPortalToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
