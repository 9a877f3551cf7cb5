import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { hashPortalToken, PORTAL_TOKEN_PREFIX } from "@/lib/widget/portal-token";

/**
 * Svix's `auth/logout`: the app-portal token in the Authorization header ends now (its widget
 * pages then show the expired-link screen). Any other credential is refused: an API key cannot be
 * logged out, it is revoked in the portal.
 */
export async function logoutPortalToken(authorization: string | null, now = new Date()): Promise<void> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token)
    throw new ApiError(
      401,
      "authentication_failed",
      "Missing Authorization header (Bearer <app-portal token>)",
    );
  if (!token.startsWith(PORTAL_TOKEN_PREFIX) || token.length > 100)
    throw new ApiError(403, "forbidden", "Only app-portal tokens can log out; revoke API keys in the portal");
  const { count } = await db.appPortalToken.updateMany({
    where: { tokenHash: hashPortalToken(token), expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  if (count === 0) throw new ApiError(401, "authentication_failed", "Invalid or expired app-portal token");
}
