import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { claimDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { emitAttemptEvent } from "@/lib/delivery/emit-attempt-event";
import { disableEndpoint, recordEndpointFailure } from "@/lib/delivery/endpoint-health";
import { waitForTurn } from "@/lib/delivery/rate-limit";
import { recordSuccess } from "@/lib/delivery/record-success";
import { thinBody } from "@/lib/delivery/thin-body";

const FAILING_AFTER_ATTEMPTS = 4;

import { nextRetryDelay } from "@/lib/delivery/retry-policy";

import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { type AttemptResult, sendAttempt } from "@/lib/delivery/send-attempt";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { signatureHeader } from "@/lib/signing/standard-webhooks";

export interface DeliverDeps {
  config: DeliveryConfig;
  scheduler: DeliveryScheduler;
  now?: () => Date;
  random?: () => number;
  send?: typeof sendAttempt;
}

export type DeliverOutcome =
  | { kind: "skipped" }
  | { kind: "parked" }
  | { kind: "throttled"; nextAttemptAt: Date }
  | {
      kind: "attempted";
      status: DeliveryStatus;
      result: AttemptResult;
      nextAttemptAt: Date | null;
      endpointDisabled: boolean;
    };

/**
 * One attempt at one delivery: claim it, POST the signed message, record the attempt, and decide
 * what happens next (done, retry at a time from the retry policy, failed = dead-letter, or parked
 * because the endpoint is disabled). Everything after the HTTP call is one transaction, and the
 * next try is scheduled inside it (graphile-worker: a job; Inngest: nothing, the running function
 * sleeps until `nextAttemptAt` itself, so no event is sent for retries).
 */
export async function deliver(
  deliveryId: string,
  deps: DeliverDeps,
  trigger: "scheduled" | "manual" = "scheduled",
): Promise<DeliverOutcome> {
  const now = deps.now ?? (() => new Date());
  const { config } = deps;
  const claimedAt = now();
  const delivery = await claimDelivery(deliveryId, claimedAt, config.orphanGraceMs);
  if (!delivery) return { kind: "skipped" };
  if (delivery.disabled) {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "parked", nextAttemptAt: null } });
    return { kind: "parked" };
  }

  if (delivery.throttleRate) {
    const wakeAt = await waitForTurn(delivery, delivery.throttleRate, now);
    if (wakeAt) {
      await db.$transaction(async (tx) => {
        await tx.delivery.update({
          where: { id: delivery.id },
          data: { status: "pending", nextAttemptAt: wakeAt.wakeAt, reservedSlotAt: wakeAt.slot },
        });
        await deps.scheduler.schedule(tx, [{ deliveryId: delivery.id, runAt: wakeAt.wakeAt }]);
      });
      return { kind: "throttled", nextAttemptAt: wakeAt.wakeAt };
    }
  }

  const body = delivery.thin ? thinBody(delivery, config.publicUrl, now()) : (delivery.payload ?? "{}");
  const timestamp = Math.floor(now().getTime() / 1000);
  const secrets = delivery.secrets.map(decryptSecret);
  const result = await (deps.send ?? sendAttempt)(
    {
      url: delivery.url,
      body,
      timeoutMs: delivery.timeoutMs,
      headers: {
        ...delivery.headers,
        "content-type": "application/json",
        "user-agent": config.userAgent,
        "webhook-id": delivery.messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signatureHeader(secrets, delivery.messageId, timestamp, body),
      },
    },
    config.guard,
    now,
  );

  const finished = now();
  const attempts = delivery.attemptCount + 1;
  let status: DeliveryStatus;
  let nextAttemptAt: Date | null = null;
  let endpointDisabled = false;

  const attempt = {
    id: newId("atmpt", finished.getTime()),
    tenantId: delivery.tenantId,
    applicationId: delivery.applicationId,
    messageId: delivery.messageId,
    endpointId: delivery.endpointId,
    deliveryId: delivery.id,
    url: delivery.url,
    outcome: result.outcome,
    trigger,
    responseStatusCode: result.status,
    response: result.responseBody,
    durationMs: result.durationMs,
    errorKind: result.errorKind,
    errorMessage: result.errorMessage,
    createdAt: finished,
  };
  if (result.outcome === "success") {
    // The common case is one statement: attempt, delivery and endpoint health together.
    await recordSuccess(attempt, attempts);
    if (attempts > 1) {
      await db.$transaction((tx) =>
        emitAttemptEvent(tx, deps.scheduler, "message.attempt.recovered", delivery, attempt),
      );
    }
    return { kind: "attempted", status: "succeeded", result, nextAttemptAt: null, endpointDisabled: false };
  }

  await db.$transaction(async (tx) => {
    if (result.status === 410) {
      // Standard Webhooks: 410 Gone means "stop sending": disable at once, keep the message parked.
      status = "parked";
      endpointDisabled = true;
      await disableEndpoint(
        tx,
        deps.scheduler,
        delivery.endpointId,
        finished,
        "The endpoint answered 410 Gone",
      );
    } else {
      endpointDisabled = await recordEndpointFailure(
        tx,
        delivery.endpointId,
        finished,
        config,
        deps.scheduler,
      );
      const delay = result.permanent
        ? null
        : nextRetryDelay(config.retry, attempts, result.retryAfterMs, deps.random);
      if (endpointDisabled) status = "parked";
      else if (delay === null) status = "failed";
      else {
        status = "pending";
        nextAttemptAt = new Date(finished.getTime() + delay);
      }
    }
    await tx.messageAttempt.create({ data: attempt });
    // Tell the tenant: after the 4th failed attempt, and when retries are exhausted.
    if (attempts === FAILING_AFTER_ATTEMPTS && status !== "failed")
      await emitAttemptEvent(tx, deps.scheduler, "message.attempt.failing", delivery, attempt);
    if (status === "failed")
      await emitAttemptEvent(tx, deps.scheduler, "message.attempt.exhausted", delivery, attempt);
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { status, attemptCount: attempts, nextAttemptAt, lastAttemptAt: finished, reservedSlotAt: null },
    });
    if (nextAttemptAt) await deps.scheduler.schedule(tx, [{ deliveryId: delivery.id, runAt: nextAttemptAt }]);
  });
  return { kind: "attempted", status: status!, result, nextAttemptAt, endpointDisabled };
}
