import { db } from "@/lib/db";

const BATCH = 5000;

/**
 * Expunges payloads and response bodies older than each tenant's retention period
 * (`Tenant.retentionDays`, default 30), or a message's own (`payloadRetentionPeriod`/`Hours`,
 * kept as `payloadRetentionHours`). Messages and attempts themselves stay, so counts, stats
 * and charts keep working. Works in batches; returns how many messages and attempts it emptied.
 */
export async function retentionSweep(now = new Date()): Promise<{ messages: number; attempts: number }> {
  let messages = 0;
  let attempts = 0;
  for (;;) {
    const n = await db.$executeRaw`
      UPDATE "Message" SET payload = NULL, "rawPayload" = NULL, "expungedAt" = ${now}
       WHERE id IN (
         SELECT m.id FROM "Message" m JOIN "Tenant" t ON t.id = m."tenantId"
          WHERE m."expungedAt" IS NULL
            AND m."createdAt" < ${now}::timestamptz
                - make_interval(hours => COALESCE(m."payloadRetentionHours", t."retentionDays" * 24))
          LIMIT ${BATCH})`;
    messages += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await db.$executeRaw`
      UPDATE "MessageAttempt" SET response = NULL
       WHERE id IN (
         SELECT a.id FROM "MessageAttempt" a JOIN "Tenant" t ON t.id = a."tenantId"
          WHERE a.response IS NOT NULL AND a."createdAt" < ${now}::timestamptz - make_interval(days => t."retentionDays")
          LIMIT ${BATCH})`;
    attempts += n;
    if (n < BATCH) break;
  }
  return { messages, attempts };
}
