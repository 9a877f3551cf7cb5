import { db } from "@/lib/db";
import { startRecover } from "@/lib/tasks/start-tasks";

/**
 * "Resend all matching" in the dead-letter queue: for each enabled endpoint with deliveries in
 * that state (all, or `endpointId`'s), one recovery task (the API's `recover`) from its oldest
 * such message on, so progress shows in the background tasks and the work runs in batches.
 * Disabled endpoints are skipped (nothing would be sent) and counted.
 */
export async function resendAllMatching(
  tenantId: string,
  filter: { status: "failed" | "parked"; endpointId?: string },
): Promise<{ tasks: number; disabled: number }> {
  const groups = await db.$queryRaw<
    { endpointId: string; applicationId: string; since: Date; disabled: boolean }[]
  >`
    SELECT d."endpointId", d."applicationId", min(m."createdAt") AS since, bool_or(e.disabled) AS disabled
      FROM "Delivery" d
      JOIN "Message" m ON m.id = d."messageId"
      JOIN "Endpoint" e ON e.id = d."endpointId"
      JOIN "Application" a ON a.id = d."applicationId"
     WHERE d."tenantId" = ${tenantId} AND d.status = ${filter.status}::"DeliveryStatus" AND NOT a.internal
       AND (${filter.endpointId ?? null}::text IS NULL OR d."endpointId" = ${filter.endpointId ?? null})
     GROUP BY 1, 2`;
  let tasks = 0;
  for (const g of groups.filter((g) => !g.disabled)) {
    await startRecover(tenantId, g.applicationId, g.endpointId, { since: g.since });
    tasks++;
  }
  return { tasks, disabled: groups.length - tasks };
}
