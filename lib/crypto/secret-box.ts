import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM for secrets at rest (endpoint signing secrets). Format: v1.<iv>.<tag>.<ciphertext>,
// each part base64url. The key comes from SECRETS_ENCRYPTION_KEY (32 bytes, base64).

function key(): Buffer {
  const raw = process.env.SECRETS_ENCRYPTION_KEY ?? "";
  const k = Buffer.from(raw, "base64");
  if (k.length !== 32) throw new Error("SECRETS_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  return k;
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

// A sealed secret always opens to the same plaintext (under the same key), so the opened ones are
// kept: every attempt signs with its endpoint's secrets, and AES-GCM per attempt adds up.
const opened = new Map<string, string>();
const MAX_OPENED = 10_000;

export function decryptSecret(sealed: string): string {
  const known = opened.get(sealed);
  if (known !== undefined) return known;
  const plaintext = openSecret(sealed);
  if (opened.size >= MAX_OPENED) opened.clear();
  opened.set(sealed, plaintext);
  return plaintext;
}

function openSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined)
    throw new Error("Malformed encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
