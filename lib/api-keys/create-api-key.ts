import { generateApiKey, hashApiKey, visiblePrefix } from "@/lib/api-keys/key-format";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

/** Creates an API key; the returned `key` is the only time the whole key is ever available. */
export async function createApiKey(input: { tenantId: string; name: string; createdById?: string }) {
  const key = generateApiKey();
  const apiKey = await db.apiKey.create({
    data: {
      id: newId("key"),
      tenantId: input.tenantId,
      name: input.name,
      prefix: visiblePrefix(key),
      hash: hashApiKey(key),
      createdById: input.createdById,
    },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...apiKey, key };
}
