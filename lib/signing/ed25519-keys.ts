import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

// Standard Webhooks asymmetric keys: "whsk_" + base64 of the 32-byte Ed25519 seed (the secret
// key, which stays on the server) and "whpk_" + base64 of the 32-byte public key (what receivers
// get). Node's crypto reads a raw seed wrapped in PKCS#8 and a raw public key as JWK.

export const SECRET_KEY_PREFIX = "whsk_";
export const PUBLIC_KEY_PREFIX = "whpk_";

// RFC 8410's PKCS#8 wrapping of a 32-byte Ed25519 seed: a fixed 16-byte header, then the seed.
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");
function privateKeyObject(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: "der", type: "pkcs8" });
}

/** The 32-byte seed of a `whsk_` key, or null when it is not one. */
export function secretKeySeed(secret: string): Buffer | null {
  if (!secret.startsWith(SECRET_KEY_PREFIX)) return null;
  const bytes = Buffer.from(secret.slice(SECRET_KEY_PREFIX.length), "base64");
  return bytes.length === 32 ? bytes : null;
}

/** The raw 32-byte public key of a seed. */
export function publicKeyBytes(seed: Buffer): Buffer {
  const { x } = createPublicKey(privateKeyObject(seed)).export({ format: "jwk" });
  return Buffer.from(x ?? "", "base64url");
}

/**
 * A `whsk_` key as stored: the 32-byte seed form. The 64-byte form (seed then public key, as
 * NaCl/libsodium write secret keys) is accepted when its second half is the seed's public key.
 * Null when `value` is neither.
 */
export function normalizeSecretKey(value: string): string | null {
  if (!value.startsWith(SECRET_KEY_PREFIX)) return null;
  const bytes = Buffer.from(value.slice(SECRET_KEY_PREFIX.length), "base64");
  if (bytes.length === 32) return `${SECRET_KEY_PREFIX}${bytes.toString("base64")}`;
  if (bytes.length !== 64) return null;
  const seed = bytes.subarray(0, 32);
  if (!publicKeyBytes(seed).equals(bytes.subarray(32))) return null;
  return `${SECRET_KEY_PREFIX}${seed.toString("base64")}`;
}

/** A new key pair's secret key, as `whsk_` + base64 of its seed. */
export function generateSecretKey(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  const { d } = privateKey.export({ format: "jwk" });
  return `${SECRET_KEY_PREFIX}${Buffer.from(d ?? "", "base64url").toString("base64")}`;
}

/** What receivers are given for a `whsk_` key: `whpk_` + base64 of the public key. */
export function publicKeyOf(secret: string): string {
  const seed = secretKeySeed(secret);
  if (!seed) throw new Error("not an Ed25519 secret key");
  return `${PUBLIC_KEY_PREFIX}${publicKeyBytes(seed).toString("base64")}`;
}

/** A verifying key from `whpk_…` (or a `whsk_…`), or null when the text is neither. */
export function verifyingKey(key: string): KeyObject | null {
  if (key.startsWith(PUBLIC_KEY_PREFIX)) {
    const bytes = Buffer.from(key.slice(PUBLIC_KEY_PREFIX.length), "base64");
    if (bytes.length !== 32) return null;
    return createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: bytes.toString("base64url") },
      format: "jwk",
    });
  }
  const signing = signingKey(key);
  return signing ? createPublicKey(signing) : null;
}

// Building a KeyObject costs more than a signature; the worker signs every delivery with the same
// few keys, so they are kept, by key text, up to a bound (cleared whole when it is reached).
const signingKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 10_000;

/** The signing KeyObject of a `whsk_` key (cached), or null when it is not one. */
export function signingKey(secret: string): KeyObject | null {
  const cached = signingKeys.get(secret);
  if (cached) return cached;
  const seed = secretKeySeed(secret);
  if (!seed) return null;
  if (signingKeys.size >= MAX_CACHED_KEYS) signingKeys.clear();
  const key = privateKeyObject(seed);
  signingKeys.set(secret, key);
  return key;
}
