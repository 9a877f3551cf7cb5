import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";

/** Deletes the application with its endpoints, messages and attempts. */
export async function deleteApplication(tenantId: string, idOrUid: string): Promise<void> {
  const app = await findApplication(tenantId, idOrUid);
  await db.application.delete({ where: { id: app.id, tenantId }, select: { id: true } });
}
