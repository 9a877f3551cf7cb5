import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type Quota = "applications" | "endpoints" | "eventTypes";

const WHAT: Record<Quota, string> = {
  applications: "applications",
  endpoints: "endpoints in this application",
  eventTypes: "event types",
};

/**
 * Before a create: a 422 `quota_exceeded` when the tenant (or, for endpoints, the application)
 * already has as many as its limit (QUOTA_* settings, generous by default). Checked before each
 * create, not under a lock: creates racing each other can pass it together, by a few at most.
 */
export async function assertQuota(
  quota: Quota,
  scope: {
    tenantId: string;
    applicationId?: string /** How many are about to be added (1). */;
    adding?: number;
  },
): Promise<void> {
  const e = env();
  const limit = {
    applications: e.QUOTA_APPLICATIONS,
    endpoints: e.QUOTA_ENDPOINTS_PER_APPLICATION,
    eventTypes: e.QUOTA_EVENT_TYPES,
  }[quota];
  const count =
    quota === "applications"
      ? await db.application.count({ where: { tenantId: scope.tenantId, internal: false } })
      : quota === "eventTypes"
        ? await db.eventType.count({ where: { tenantId: scope.tenantId } })
        : await db.endpoint.count({
            where: { tenantId: scope.tenantId, applicationId: scope.applicationId },
          });
  if (count + (scope.adding ?? 1) > limit) {
    throw new ApiError(
      422,
      "quota_exceeded",
      `This account has reached its limit of ${limit} ${WHAT[quota]}; delete some, or ask the operator to raise the limit.`,
    );
  }
}
