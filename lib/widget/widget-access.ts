import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Capability } from "@/lib/widget/capabilities";
import { hashPortalToken, PORTAL_TOKEN_PREFIX } from "@/lib/widget/portal-token";

export interface WidgetAccess {
  /** The token itself, for links back into the widget. */
  token: string;
  tenantId: string;
  appId: string;
  appName: string;
  can: (capability: Capability) => boolean;
  featureFlags: string[];
  expiresAt: Date;
}

/**
 * What an app-portal token grants: one application of one tenant, some capabilities, until it
 * expires or is revoked (expire-all). Null for an unknown, expired or revoked token.
 */
export async function widgetAccess(token: string, now = new Date()): Promise<WidgetAccess | null> {
  if (!token.startsWith(PORTAL_TOKEN_PREFIX) || token.length > 100) return null;
  const row = await db.appPortalToken.findUnique({
    where: { tokenHash: hashPortalToken(token) },
    select: {
      tenantId: true,
      applicationId: true,
      capabilities: true,
      featureFlags: true,
      expiresAt: true,
      application: { select: { name: true, internal: true } },
    },
  });
  // Internal applications (operational webhooks) are never the customer's to see.
  if (!row || row.expiresAt <= now || row.application.internal) return null;
  // Managing an endpoint includes its secret; managing the secret includes seeing it (as in Svix).
  const granted = new Set(row.capabilities);
  if (granted.has("ManageEndpoint")) granted.add("ManageEndpointSecret");
  if (granted.has("ManageEndpointSecret")) granted.add("ViewEndpointSecret");
  return {
    token,
    tenantId: row.tenantId,
    appId: row.applicationId,
    appName: row.application.name,
    can: (capability) => granted.has(capability),
    featureFlags: row.featureFlags,
    expiresAt: row.expiresAt,
  };
}

/**
 * For widget actions: the access, or a 401 (expired link) / 403 (capability not granted). Every
 * mutation checks here on the server; the UI hiding a button is not the protection.
 */
export async function requireWidgetAccess(
  token: string,
  capability: Capability = "ViewBase",
): Promise<WidgetAccess> {
  const access = await widgetAccess(token);
  if (!access)
    throw new ApiError(401, "authentication_failed", "This link has expired. Reload the page for a new one.");
  if (!access.can(capability)) throw new ApiError(403, "forbidden", "This link does not allow that change.");
  return access;
}
