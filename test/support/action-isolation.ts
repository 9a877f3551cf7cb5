import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

// Helpers of test/portal/action-isolation.test.ts: forms as the browser sends them, a snapshot of
// everything a tenant owns, and the refused/returned reading of an action's outcome.

export const fd = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) data.append(k, x);
  return data;
};

/**
 * Every row of A's tenant, for before/after comparison; `exceptApp`'s endpoints left out (a token
 * for that application may rightly create endpoints in it).
 */
export async function snapshot(tenantId: string, exceptApp?: string) {
  const where = { tenantId };
  const order = { orderBy: { id: "asc" as const } };
  const endpointWhere = { tenantId, ...(exceptApp ? { applicationId: { not: exceptApp } } : {}) };
  return {
    tenant: await db.tenant.findUnique({ where: { id: tenantId } }),
    applications: await db.application.findMany({ where, ...order }),
    endpoints: await db.endpoint.findMany({ where: endpointWhere, ...order }),
    secrets: await db.endpointSecret.findMany({ where: { endpoint: endpointWhere }, ...order }),
    eventTypes: await db.eventType.findMany({ where, ...order }),
    // A's operational application gets A's own events (a sibling token's new endpoint is one).
    messages: await db.message.findMany({ where: { ...where, application: { internal: false } }, ...order }),
    deliveries: await db.delivery.findMany({
      where: { ...where, message: { application: { internal: false } } },
      ...order,
    }),
    attempts: await db.messageAttempt.findMany({ where, ...order }),
    apiKeys: await db.apiKey.findMany({ where, ...order }),
    memberships: await db.membership.findMany({ where, ...order }),
    invitations: await db.invitation.findMany({ where, ...order }),
    portalTokens: await db.appPortalToken.findMany({ where, ...order }),
    tasks: await db.backgroundTask.findMany({ where, ...order }),
  };
}

export type Outcome = { kind: "refused"; why: string } | { kind: "returned"; value: unknown };

/** Runs an action; anything but a refusal the user would see as one is returned for inspection. */
export async function run(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    if (value && typeof value === "object" && ("error" in value || "fieldErrors" in value))
      return { kind: "refused", why: "error state" };
    return { kind: "returned", value };
  } catch (error) {
    if (error instanceof ApiError && [401, 403, 404, 409, 410, 422].includes(error.status))
      return { kind: "refused", why: `${error.status}` };
    if ((error as { notFound?: boolean }).notFound) return { kind: "refused", why: "notFound()" };
    if ((error as { redirected?: string }).redirected)
      return { kind: "returned", value: `redirect ${(error as { redirected: string }).redirected}` };
    throw error;
  }
}
