import { conflict } from "@/lib/api/errors";
import { applicationSelect } from "@/lib/applications/serialize-application";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { newId } from "@/lib/ids";
import type { ApplicationIn } from "@/lib/schemas/application";
import { assertQuota } from "@/lib/tenants/quotas";

/**
 * Creates an application. With `getIfExists`, an existing application with the same uid is
 * returned instead (`created: false`); without it, a taken uid is a 409.
 */
export async function createApplication(tenantId: string, input: ApplicationIn, getIfExists = false) {
  const existing = async () =>
    input.uid
      ? db.application.findFirst({
          where: { tenantId, uid: input.uid, internal: false },
          select: applicationSelect,
        })
      : null;
  if (getIfExists) {
    const app = await existing();
    if (app) return { app, created: false };
  }
  await assertQuota("applications", { tenantId });
  try {
    const app = await db.application.create({
      data: {
        id: newId("app"),
        tenantId,
        name: input.name,
        uid: input.uid ?? null,
        metadata: input.metadata ?? {},
        throttleRate: input.throttleRate ?? null,
      },
      select: applicationSelect,
    });
    return { app, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Created concurrently by another request: with get_if_exists, that one is the answer.
    const app = getIfExists ? await existing() : null;
    if (app) return { app, created: false };
    throw conflict(`An application with uid '${input.uid}' already exists`);
  }
}
