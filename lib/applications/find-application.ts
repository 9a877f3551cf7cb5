import { notFound } from "@/lib/api/errors";
import { applicationSelect } from "@/lib/applications/serialize-application";
import { db } from "@/lib/db";
import { OPERATIONAL_APP_UID } from "@/lib/operational/operational-app";

/** The tenant's application by id or by uid (Svix's `{app_id}`); 404 if it is not this tenant's. */
export async function findApplication(tenantId: string, idOrUid: string) {
  const apps = await db.application.findMany({
    where: {
      tenantId,
      OR: [{ id: idOrUid }, { uid: idOrUid }],
      ...(idOrUid === OPERATIONAL_APP_UID ? {} : { internal: false }),
    },
    select: applicationSelect,
    take: 2,
  });
  const app = apps.find((a) => a.id === idOrUid) ?? apps[0];
  if (!app) throw notFound("Application");
  return app;
}
