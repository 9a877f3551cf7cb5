import { conflict } from "@/lib/api/errors";
import { findApplication } from "@/lib/applications/find-application";
import { applicationSelect } from "@/lib/applications/serialize-application";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import type { ApplicationPatch } from "@/lib/schemas/application";

/** Applies the fields present in `patch` (PATCH), or all of them when `replace` (PUT). */
export async function updateApplication(
  tenantId: string,
  idOrUid: string,
  patch: ApplicationPatch,
  replace = false,
) {
  const app = await findApplication(tenantId, idOrUid);
  const data = replace
    ? {
        name: patch.name,
        uid: patch.uid, // PUT without a uid keeps the one the application has
        metadata: patch.metadata ?? {},
        throttleRate: patch.throttleRate ?? null,
      }
    : {
        name: patch.name,
        uid: patch.uid,
        metadata: patch.metadata,
        throttleRate: patch.throttleRate,
      };
  try {
    return await db.application.update({ where: { id: app.id, tenantId }, data, select: applicationSelect });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An application with uid '${patch.uid}' already exists`);
    throw error;
  }
}
