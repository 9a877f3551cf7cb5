import type { DeliveryConfig } from "@/lib/delivery/config";
import type { Enqueue, Tx } from "@/lib/jobs/delivery-request";
import { emitOperationalEvent } from "@/lib/operational/emit-operational-event";

/**
 * Counts a failure in the endpoint's current run. Returns true when the endpoint has now failed
 * without a single success for longer than `disableAfterMs` and at least `disableMinAttempts`
 * times, and was disabled because of it.
 */
export async function recordEndpointFailure(
  tx: Tx,
  endpointId: string,
  now: Date,
  config: DeliveryConfig,
  enqueue: Enqueue,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ failingSince: Date; consecutiveFailures: number; disabled: boolean }[]>`
    UPDATE "Endpoint" SET "failingSince" = COALESCE("failingSince", ${now}),
                          "consecutiveFailures" = "consecutiveFailures" + 1
     WHERE id = ${endpointId}
    RETURNING "failingSince", "consecutiveFailures", disabled`;
  const health = rows[0];
  if (!health || health.disabled) return false;
  const failingFor = now.getTime() - health.failingSince.getTime();
  if (failingFor < config.disableAfterMs || health.consecutiveFailures < config.disableMinAttempts)
    return false;
  const days = (failingFor / 86_400_000).toFixed(1);
  await disableEndpoint(tx, enqueue, {
    endpointId,
    now,
    reason: `Failing without a success for ${days} days (${health.consecutiveFailures} attempts)`,
  });
  return true;
}

/** Disables the endpoint, records why, and emits the operational event `endpoint.disabled`. */
export async function disableEndpoint(
  tx: Tx,
  enqueue: Enqueue,
  { endpointId, now, reason }: { endpointId: string; now: Date; reason: string },
): Promise<void> {
  const endpoint = await tx.endpoint.update({
    where: { id: endpointId },
    data: { disabled: true, disabledAt: now, disabledReason: reason },
    select: {
      id: true,
      uid: true,
      tenantId: true,
      applicationId: true,
      failingSince: true,
      application: { select: { uid: true } },
    },
  });
  await emitOperationalEvent(tx, enqueue, {
    tenantId: endpoint.tenantId,
    applicationId: endpoint.applicationId,
    type: "endpoint.disabled",
    now,
    data: {
      appId: endpoint.applicationId,
      appUid: endpoint.application.uid,
      endpointId: endpoint.id,
      endpointUid: endpoint.uid,
      failSince: endpoint.failingSince?.toISOString() ?? null,
      reason,
    },
  });
}
