import { db } from "@/lib/db";

const BATCH = 10_000;
/** Expired widget tokens are kept this long: their pages still show "link expired" meanwhile. */
export const EXPIRED_WIDGET_TOKEN_KEPT_MS = 7 * 24 * 3_600_000;

/**
 * The hourly maintenance's clean-up of rows nothing needs any more, in batches: widget tokens
 * expired more than EXPIRED_WIDGET_TOKEN_KEPT_MS ago, and operational events older than their
 * tenant's retention period (as messages are), and rate-limit counters whose window has ended
 * (rate-limiter-flexible clears its own too, but only in a process that has used that limiter),
 * and sign-ups whose confirmation link has expired, and expired request inspectors (with what they
 * recorded: each keeps at most 1,000 requests, deleted with it), and relayed requests left over
 * from a crash (over an hour old).
 * Returns how many of each went.
 */
export async function purgeStaleRows(now: Date): Promise<{
  widgetTokens: number;
  operationalEvents: number;
  rateLimits: number;
  signUps: number;
  inspectors: number;
  relayExchanges: number;
}> {
  const tokensBefore = new Date(now.getTime() - EXPIRED_WIDGET_TOKEN_KEPT_MS);
  const widgetTokens = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "AppPortalToken" WHERE ctid IN (
        SELECT ctid FROM "AppPortalToken" WHERE "expiresAt" < ${tokensBefore} LIMIT ${BATCH})`,
  );
  const operationalEvents = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "OperationalEvent" WHERE ctid IN (
        SELECT o.ctid FROM "OperationalEvent" o JOIN "Tenant" t ON t.id = o."tenantId"
         WHERE o."createdAt" < ${now}::timestamptz - make_interval(days => t."retentionDays")
         LIMIT ${BATCH})`,
  );
  const rateLimits = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "RateLimit" WHERE key IN (
        SELECT key FROM "RateLimit" WHERE expire < ${now.getTime()} LIMIT ${BATCH})`,
  );
  const signUps = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "SignUpRequest" WHERE id IN (
        SELECT id FROM "SignUpRequest" WHERE "expiresAt" < ${now} LIMIT ${BATCH})`,
  );
  // Small batches: each inspector cascades to up to 1,000 recorded requests.
  const inspectors = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "Inspector" WHERE id IN (
        SELECT id FROM "Inspector" WHERE "expiresAt" < ${now} LIMIT ${BATCH / 100})`,
    BATCH / 100,
  );
  // Relayed requests are deleted once answered or given up on (30 s); what a crash left behind goes.
  const relayExchanges = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "RelayExchange" WHERE id IN (
        SELECT id FROM "RelayExchange" WHERE "createdAt" < ${new Date(now.getTime() - 3_600_000)} LIMIT ${BATCH})`,
  );
  return { widgetTokens, operationalEvents, rateLimits, signUps, inspectors, relayExchanges };
}

async function inBatches(run: () => Promise<number>, batch = BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await run();
    total += n;
    if (n < batch) return total;
  }
}
