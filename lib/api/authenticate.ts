import { ApiError } from "@/lib/api/errors";
import { findApiKeyTenant } from "@/lib/api-keys/find-api-key-tenant";
import { findIntegrationKey, INTEGRATION_KEY_PREFIX } from "@/lib/integrations/integrations";

export interface Caller {
  tenantId: string;
  /** What rate limits count by: the API key's id, or the integration's. */
  apiKeyId: string;
  /** An integration key may call only its application's endpoint API (checked by apiHandler). */
  onlyApplicationId?: string;
}

/** Resolves `Authorization: Bearer <api key or integration key>` to its caller, or throws a 401. */
export async function authenticate(req: Request): Promise<Caller> {
  const header = req.headers.get("authorization");
  if (!header)
    throw new ApiError(401, "authentication_failed", "Missing Authorization header (Bearer <api key>)");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw new ApiError(401, "authentication_failed", "Authorization header must be 'Bearer <api key>'");
  if (match[1].startsWith(INTEGRATION_KEY_PREFIX)) {
    const integration = await findIntegrationKey(match[1]);
    if (!integration) throw new ApiError(401, "authentication_failed", "Invalid or rotated integration key");
    return {
      tenantId: integration.tenantId,
      apiKeyId: integration.integrationId,
      onlyApplicationId: integration.applicationId,
    };
  }
  const found = await findApiKeyTenant(match[1]);
  if (!found) throw new ApiError(401, "authentication_failed", "Invalid or revoked API key");
  return found;
}
