import { db } from "@/lib/db";

/** Revokes a key of this tenant; false if there is no such live key. */
export async function revokeApiKey(tenantId: string, id: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id, tenantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}
