import { ApiError } from "@/lib/api/errors";
import { findApiKeyTenant } from "@/lib/api-keys/find-api-key-tenant";

/** Resolves `Authorization: Bearer <api key>` to the tenant it belongs to, or throws a 401. */
export async function authenticate(req: Request): Promise<{ tenantId: string; apiKeyId: string }> {
  const header = req.headers.get("authorization");
  if (!header)
    throw new ApiError(401, "authentication_failed", "Missing Authorization header (Bearer <api key>)");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw new ApiError(401, "authentication_failed", "Authorization header must be 'Bearer <api key>'");
  const found = await findApiKeyTenant(match[1]);
  if (!found) throw new ApiError(401, "authentication_failed", "Invalid or revoked API key");
  return found;
}
