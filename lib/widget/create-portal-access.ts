import { ApiError } from "@/lib/api/errors";
import { createApplication } from "@/lib/applications/create-application";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { newId } from "@/lib/ids";
import type { AppPortalAccessIn } from "@/lib/schemas/portal-access";
import { grantedCapabilities } from "@/lib/widget/capabilities";
import { generatePortalToken, hashPortalToken } from "@/lib/widget/portal-token";

/** Svix's default for `expiry`: 7 days. */
export const DEFAULT_PORTAL_EXPIRY_SECONDS = 7 * 86_400;
/** Links the portal mints for itself (preview, demo) last an hour. */
export const PREVIEW_EXPIRY_SECONDS = 3600;

/**
 * Mints an app-portal token for one application (created from `application` when the id or uid
 * is unknown, as Svix does) and returns the widget URL that carries it. Only the hash is stored.
 */
export async function createPortalAccess(
  tenantId: string,
  appIdOrUid: string,
  input: AppPortalAccessIn,
  now = new Date(),
) {
  const app = await findApplication(tenantId, appIdOrUid).catch(async (error) => {
    if (!(error instanceof ApiError && error.status === 404) || !input.application) throw error;
    const { app } = await createApplication(
      tenantId,
      { ...input.application, uid: input.application.uid ?? appIdOrUid },
      true,
    );
    return app;
  });
  const token = generatePortalToken();
  await db.appPortalToken.create({
    data: {
      id: newId("apt", now.getTime()),
      tenantId,
      applicationId: app.id,
      tokenHash: hashPortalToken(token),
      capabilities: grantedCapabilities(input),
      featureFlags: input.featureFlags ?? [],
      sessionId: input.sessionId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.expiry ?? DEFAULT_PORTAL_EXPIRY_SECONDS) * 1000),
    },
    select: { id: true },
  });
  return { token, url: `${appUrl()}/embed/${token}` };
}
