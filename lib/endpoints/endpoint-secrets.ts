import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { chooseSecret } from "@/lib/endpoints/generate-secret";
import { newId } from "@/lib/ids";
import { PUBLIC_KEY_PREFIX, publicKeyOf, SECRET_KEY_PREFIX } from "@/lib/signing/ed25519-keys";

const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;

/**
 * What receivers verify the endpoint's current signatures with: its HMAC secret (`whsec_`), or,
 * for an Ed25519 key, the public key (`whpk_`); the secret key itself never leaves the server.
 */
export async function verificationKey(endpointId: string): Promise<string> {
  const secret = await db.endpointSecret.findFirstOrThrow({
    where: { endpointId, expiresAt: null },
    orderBy: { createdAt: "desc" },
    select: { encrypted: true },
  });
  const key = decryptSecret(secret.encrypted);
  return key.startsWith(SECRET_KEY_PREFIX) ? publicKeyOf(key) : key;
}

/** Whether the endpoint signs with an HMAC secret (`v1`) or an Ed25519 key (`v1a`) now. */
export async function currentKeyKind(endpointId: string): Promise<"hmac" | "ed25519"> {
  const key = await verificationKey(endpointId).catch(() => null); // unreadable: see the attempts
  return key?.startsWith(PUBLIC_KEY_PREFIX) ? "ed25519" : "hmac";
}

/** Every secret that signs now: the current one and rotated-out ones still in their grace period. */
export async function validSecrets(endpointId: string, now = new Date()): Promise<string[]> {
  const rows = await db.endpointSecret.findMany({
    where: { endpointId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { encrypted: true },
  });
  return rows.map((r) => decryptSecret(r.encrypted));
}

/**
 * Replaces the current secret with `key` (or a new random one). The old one keeps signing for
 * `graceSeconds` (default 24 h) so receivers can switch without a gap; long-expired ones are purged.
 */
export async function rotateSecret(
  endpointId: string,
  key?: string | null,
  graceSeconds?: number | null,
  keyType?: "hmac" | "ed25519",
) {
  // Without a key or a kind, a rotation keeps the endpoint's kind of key.
  const kind = keyType ?? (key ? undefined : await currentKeyKind(endpointId));
  const secret = chooseSecret(key, kind, "key");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (graceSeconds ?? DEFAULT_GRACE_SECONDS) * 1000);
  await db.$transaction([
    db.endpointSecret.deleteMany({ where: { endpointId, expiresAt: { lt: now } } }),
    db.endpointSecret.updateMany({ where: { endpointId, expiresAt: null }, data: { expiresAt } }),
    db.endpointSecret.create({
      data: { id: newId("sec"), endpointId, encrypted: encryptSecret(secret) },
      select: { id: true },
    }),
  ]);
  return { previousValidUntil: expiresAt };
}
