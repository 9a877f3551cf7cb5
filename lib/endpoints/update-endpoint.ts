import { conflict } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { checkEventTypes } from "@/lib/endpoints/check-event-types";
import { emitEndpointEvent } from "@/lib/endpoints/emit-endpoint-event";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { endpointSelect } from "@/lib/endpoints/serialize-endpoint";
import type { AppRef } from "@/lib/operational/operational-app";
import type { EndpointPatch } from "@/lib/schemas/endpoint";

/**
 * PATCH (only fields present change) or PUT (`replace`: absent fields return to defaults).
 * Disabling records why and when; enabling clears it and the failure run, so health starts afresh.
 */
export async function updateEndpoint(
  tenantId: string,
  appIdOrUid: AppRef,
  idOrUid: string,
  patch: EndpointPatch,
  replace = false,
  /** Recorded (and shown) when this update disables the endpoint. */
  disabledReason = "Disabled through the API",
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, idOrUid);
  await checkEventTypes(tenantId, patch.eventTypes, appIdOrUid);
  const fill = <T>(value: T | undefined, fallback: T) => (replace ? (value ?? fallback) : value);
  const disabled = fill(patch.disabled, false);
  const toggled = disabled !== undefined && disabled !== endpoint.disabled;
  const timeout = fill(patch.timeout, 15);
  try {
    const updated = await db.endpoint.update({
      where: { id: endpoint.id, tenantId },
      data: {
        url: patch.url,
        description: fill(patch.description, ""),
        uid: patch.uid, // PUT without a uid keeps the one the endpoint has
        version: fill(patch.version, endpoint.version),
        eventTypes: patch.eventTypes === null ? [] : fill(patch.eventTypes, []),
        channels: patch.channels === null ? [] : fill(patch.channels, []),
        metadata: fill(patch.metadata, {}),
        throttleRate: replace ? (patch.throttleRate ?? null) : patch.throttleRate,
        timeoutMs: timeout === undefined ? undefined : timeout * 1000,
        batchMaxSize: replace ? (patch.batchMaxSize ?? null) : patch.batchMaxSize,
        polling: replace ? (patch.polling ?? false) : patch.polling,
        batchMaxWaitMs: fill(patch.batchMaxWaitMs, 1000),
        ...(toggled
          ? disabled
            ? { disabled: true, disabledAt: new Date(), disabledReason }
            : {
                disabled: false,
                disabledAt: null,
                disabledReason: null,
                failingSince: null,
                consecutiveFailures: 0,
              }
          : {}),
      },
      select: { ...endpointSelect, application: { select: { uid: true } } },
    });
    const { application, ...out } = updated;
    await emitEndpointEvent(tenantId, "endpoint.updated", {
      ...out,
      applicationId: endpoint.applicationId,
      appUid: application.uid,
    });
    return out;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An endpoint with uid '${patch.uid}' already exists`);
    throw error;
  }
}
