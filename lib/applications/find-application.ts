import { notFound } from "@/lib/api/errors";
import { applicationSelect } from "@/lib/applications/serialize-application";
import { db } from "@/lib/db";
import { type AppRef, OPERATIONAL_APP, OPERATIONAL_APP_UID } from "@/lib/operational/operational-app";

/**
 * The tenant's application by id or by uid (Svix's `{app_id}`); 404 if it is not this tenant's.
 * Internal applications are found only through OPERATIONAL_APP, never by a string.
 */
export async function findApplication(tenantId: string, ref: AppRef) {
  const apps = await db.application.findMany({
    where:
      ref === OPERATIONAL_APP
        ? { tenantId, uid: OPERATIONAL_APP_UID, internal: true }
        : { tenantId, internal: false, OR: [{ id: ref }, { uid: ref }] },
    select: applicationSelect,
    take: 2,
  });
  const app = apps.find((a) => a.id === ref) ?? apps[0];
  if (!app) throw notFound("Application");
  return app;
}
