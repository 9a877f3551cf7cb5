import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";

/**
 * Expires every app-portal token of the application (only those of `sessionIds`, when given),
 * `expiry` seconds from now (0 = at once). Tokens already expiring sooner are left as they are.
 */
export async function expirePortalTokens(
  tenantId: string,
  appIdOrUid: string,
  input: { expiry?: number | null; sessionIds?: string[] },
  now = new Date(),
): Promise<number> {
  const app = await findApplication(tenantId, appIdOrUid);
  const at = new Date(now.getTime() + (input.expiry ?? 0) * 1000);
  const { count } = await db.appPortalToken.updateMany({
    where: {
      tenantId,
      applicationId: app.id,
      expiresAt: { gt: at },
      ...(input.sessionIds?.length ? { sessionId: { in: input.sessionIds } } : {}),
    },
    data: { expiresAt: at },
  });
  return count;
}
