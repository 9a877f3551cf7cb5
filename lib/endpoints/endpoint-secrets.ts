import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { generateSecret } from "@/lib/endpoints/generate-secret";
import { newId } from "@/lib/ids";

const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;

/** The endpoint's current signing secret (the one without an expiry). */
export async function currentSecret(endpointId: string): Promise<string> {
  const secret = await db.endpointSecret.findFirstOrThrow({
    where: { endpointId, expiresAt: null },
    orderBy: { createdAt: "desc" },
    select: { encrypted: true },
  });
  return decryptSecret(secret.encrypted);
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
export async function rotateSecret(endpointId: string, key?: string | null, graceSeconds?: number | null) {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (graceSeconds ?? DEFAULT_GRACE_SECONDS) * 1000);
  await db.$transaction([
    db.endpointSecret.deleteMany({ where: { endpointId, expiresAt: { lt: now } } }),
    db.endpointSecret.updateMany({ where: { endpointId, expiresAt: null }, data: { expiresAt } }),
    db.endpointSecret.create({
      data: { id: newId("sec"), endpointId, encrypted: encryptSecret(key ?? generateSecret()) },
      select: { id: true },
    }),
  ]);
  return { previousValidUntil: expiresAt };
}
