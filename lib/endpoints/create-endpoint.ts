import { conflict } from "@/lib/api/errors";
import { findApplication } from "@/lib/applications/find-application";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { checkEventTypes } from "@/lib/endpoints/check-event-types";
import { emitEndpointEvent } from "@/lib/endpoints/emit-endpoint-event";
import { chooseSecret } from "@/lib/endpoints/generate-secret";
import { sealHeaders } from "@/lib/endpoints/header-box";
import { endpointSelect } from "@/lib/endpoints/serialize-endpoint";
import { newId } from "@/lib/ids";
import type { AppRef } from "@/lib/operational/operational-app";
import type { EndpointIn } from "@/lib/schemas/endpoint";
import { assertQuota } from "@/lib/tenants/quotas";

export async function createEndpoint(tenantId: string, appIdOrUid: AppRef, input: EndpointIn) {
  const app = await findApplication(tenantId, appIdOrUid);
  await checkEventTypes(tenantId, input.eventTypes, appIdOrUid);
  await assertQuota("endpoints", { tenantId, applicationId: app.id });
  const secret = chooseSecret(input.secret, input.keyType, "secret");
  const id = newId("ep");
  try {
    const endpoint = await db.endpoint.create({
      data: {
        id,
        tenantId,
        applicationId: app.id,
        uid: input.uid ?? null,
        url: input.url,
        description: input.description ?? "",
        version: input.version ?? 1,
        disabled: input.disabled ?? false,
        disabledReason: input.disabled ? "Disabled when created" : null,
        disabledAt: input.disabled ? new Date() : null,
        eventTypes: input.eventTypes ?? [],
        channels: input.channels ?? [],
        headers: sealHeaders(input.headers ?? {}),
        metadata: input.metadata ?? {},
        throttleRate: input.throttleRate ?? null,
        timeoutMs: (input.timeout ?? 15) * 1000,
        batchMaxSize: input.batchMaxSize ?? null,
        polling: input.polling ?? false,
        batchMaxWaitMs: input.batchMaxWaitMs ?? 1000,
        secrets: { create: { id: newId("sec"), encrypted: encryptSecret(secret) } },
      },
      select: endpointSelect,
    });
    await emitEndpointEvent(tenantId, "endpoint.created", {
      ...endpoint,
      applicationId: app.id,
      appUid: app.uid,
    });
    return endpoint;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An endpoint with uid '${input.uid}' already exists`);
    throw error;
  }
}
