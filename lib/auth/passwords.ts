import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";

// Passwords are hashed with scrypt from node:crypto, which runs on libuv's thread pool: a burst of
// sign-ins costs CPU but never stalls the event loop that serves the API and runs deliveries
// (bcryptjs, used before, is JavaScript on that loop). Parameters from OWASP's password storage
// cheat sheet: N=2^14, r=8, p=5 (16 MiB, ~175 ms here). Hashes are stored as
// `$scrypt$ln=14,r=8,p=5$<salt>$<hash>` (base64), so the parameters can rise later; bcrypt hashes
// from before still verify, and are replaced by scrypt ones at the next successful sign-in.

const PARAMS = { ln: 14, r: 8, p: 5 };
const KEY_BYTES = 32;
const PREFIX = "$scrypt$";

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.ln,
    r: params.r,
    p: params.p,
    maxmem: 256 * 2 ** params.ln * params.r,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  const { ln, r, p } = PARAMS;
  return `${PREFIX}ln=${ln},r=${r},p=${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** Whether `password` matches `hash` (scrypt, or bcrypt from before). A malformed hash never matches. */
export async function passwordMatches(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith("$2")) return bcrypt.compare(password, hash);
  const parsed = parse(hash);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True for a hash made otherwise than hashPassword makes one now (bcrypt, older parameters). */
export function needsRehash(hash: string): boolean {
  const parsed = parse(hash);
  return !parsed || Object.entries(PARAMS).some(([k, v]) => parsed.params[k as keyof typeof PARAMS] !== v);
}

function parse(hash: string) {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(
    hash,
  );
  if (!match) return null;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  // Bounds keep a tampered row from asking for gigabytes.
  if (params.ln < 10 || params.ln > 20 || params.r < 1 || params.r > 16 || params.p < 1 || params.p > 16)
    return null;
  return { params, salt: Buffer.from(match[4]!, "base64"), key: Buffer.from(match[5]!, "base64") };
}

/** A hash no password matches, compared against when there is no such user (equal timing). */
export const NO_USER_HASH = `${PREFIX}ln=14,r=8,p=5$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_BYTES).toString("base64")}`;
