import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** Messages deleted per statement (with their deliveries and attempts, by cascade). */
const BATCH = 1000;
/** A breath between batches, so deliveries' statements are never queued behind a long run of them. */
const PAUSE_MS = 20;

/**
 * Deletes messages older than MESSAGE_RETENTION_DAYS with their deliveries and attempts, in
 * batches of BATCH messages, each its own short transaction (never one huge one), read per tenant
 * through the (tenantId, createdAt) index. Run after the hourly rollup, so the charts' numbers
 * for those hours are kept in EndpointHourlyStat. Returns how many messages it deleted.
 */
export async function deleteOldMessages(now = new Date(), retentionDays = env().MESSAGE_RETENTION_DAYS) {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const tenantIds = (await db.tenant.findMany({ select: { id: true } })).map((t) => t.id);
  let deleted = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "Message"
       WHERE id IN (SELECT id FROM "Message"
                     WHERE "tenantId" = ANY(${tenantIds}::text[]) AND "createdAt" < ${cutoff}
                     LIMIT ${BATCH})`;
    deleted += n;
    if (n < BATCH) return deleted;
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
}
