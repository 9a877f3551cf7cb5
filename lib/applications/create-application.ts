import { conflict } from "@/lib/api/errors";
import { applicationSelect } from "@/lib/applications/serialize-application";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { newId } from "@/lib/ids";
import type { ApplicationIn } from "@/lib/schemas/application";

/**
 * Creates an application. With `getIfExists`, an existing application with the same uid is
 * returned instead (`created: false`); without it, a taken uid is a 409.
 */
export async function createApplication(tenantId: string, input: ApplicationIn, getIfExists = false) {
  if (input.uid && getIfExists) {
    const existing = await db.application.findUnique({
      where: { tenantId_uid: { tenantId, uid: input.uid } },
      select: applicationSelect,
    });
    if (existing) return { app: existing, created: false };
  }
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
    if (isUniqueViolation(error)) {
      if (getIfExists && input.uid) return createApplication(tenantId, input, true);
      throw conflict(`An application with uid '${input.uid}' already exists`);
    }
    throw error;
  }
}
