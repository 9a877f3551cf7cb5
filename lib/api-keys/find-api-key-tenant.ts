import { hashApiKey } from "@/lib/api-keys/key-format";
import { db } from "@/lib/db";

const LAST_USED_GRANULARITY_MS = 60_000;

/** The tenant of a live API key, or null. Records last use at most once a minute per key. */
export async function findApiKeyTenant(key: string): Promise<{ tenantId: string; apiKeyId: string } | null> {
  if (key.length > 200) return null;
  const apiKey = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, tenantId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!apiKey || apiKey.revokedAt) return null;
  const now = new Date();
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { tenantId: apiKey.tenantId, apiKeyId: apiKey.id };
}
