import { apiKeyCache } from "@/lib/api-keys/api-key-cache";
import { hashApiKey } from "@/lib/api-keys/key-format";
import { db } from "@/lib/db";

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The tenant of a live API key, or null. Live keys are kept a few seconds in memory (revocations
 * reach every process at once: see api-key-cache.ts). Records last use at most once a minute per key.
 */
export async function findApiKeyTenant(key: string): Promise<{ tenantId: string; apiKeyId: string } | null> {
  if (key.length > 200) return null;
  const hash = hashApiKey(key);
  const cached = apiKeyCache.get(hash);
  const found =
    cached ??
    (await db.apiKey.findUnique({
      where: { hash },
      select: { id: true, tenantId: true, revokedAt: true, lastUsedAt: true },
    }));
  if (!found || ("revokedAt" in found && found.revokedAt)) return null;
  const apiKeyId = "apiKeyId" in found ? found.apiKeyId : found.id;
  const now = new Date();
  let lastUsedAt = found.lastUsedAt;
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiKey.update({ where: { id: apiKeyId }, data: { lastUsedAt: now }, select: { id: true } });
    lastUsedAt = now;
  }
  apiKeyCache.set(hash, { tenantId: found.tenantId, apiKeyId, lastUsedAt });
  return { tenantId: found.tenantId, apiKeyId };
}
