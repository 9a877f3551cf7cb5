import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";

/**
 * Svix's `message.precheck`: whether a message of this type (and channels) would reach any
 * enabled endpoint of the application, by the same filter the fan-out uses.
 */
export async function precheckMessage(
  tenantId: string,
  appIdOrUid: string,
  input: { eventType: string; channels?: string[] | null },
): Promise<{ active: boolean }> {
  const app = await findApplication(tenantId, appIdOrUid);
  const channels = input.channels ?? [];
  const [row] = await db.$queryRaw<{ active: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Endpoint" e
       WHERE e."tenantId" = ${tenantId} AND e."applicationId" = ${app.id} AND NOT e.disabled
         AND (cardinality(e."eventTypes") = 0 OR ${input.eventType} = ANY(e."eventTypes"))
         AND (cardinality(e.channels) = 0 OR e.channels && ${channels}::text[])
    ) AS active`;
  return { active: row?.active ?? false };
}
