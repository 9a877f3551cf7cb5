import { apiKeyCache, REVOKED_CHANNEL } from "@/lib/api-keys/api-key-cache";
import { db } from "@/lib/db";

/**
 * Revokes a key of this tenant; false if there is no such live key. Every Hookline process drops
 * the key from its cache at once (NOTIFY, in the same transaction as the revocation).
 */
export async function revokeApiKey(tenantId: string, id: string): Promise<boolean> {
  const revoked = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ hash: string }[]>`
      UPDATE "ApiKey" SET "revokedAt" = now() WHERE id = ${id} AND "tenantId" = ${tenantId} AND "revokedAt" IS NULL
      RETURNING hash`;
    for (const { hash } of rows) await tx.$executeRaw`SELECT pg_notify(${REVOKED_CHANNEL}, ${hash})`;
    return rows;
  });
  for (const { hash } of revoked) apiKeyCache.forget(hash);
  return revoked.length === 1;
}
