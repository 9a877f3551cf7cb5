import { IDEMPOTENCY_KEY_LIFETIME_MS } from "@/lib/api/idempotency";
import { db } from "@/lib/db";

const BATCH = 10_000;

/** Deletes Idempotency-Keys older than their 24 hours, in batches. Returns how many went. */
export async function purgeIdempotencyKeys(now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);
  let total = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "IdempotencyKey" WHERE ctid IN (
        SELECT ctid FROM "IdempotencyKey" WHERE "createdAt" < ${before} LIMIT ${BATCH})`;
    total += n;
    if (n < BATCH) return total;
  }
}
