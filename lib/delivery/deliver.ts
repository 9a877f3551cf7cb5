import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { claimDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { batchBody, formBatch } from "@/lib/delivery/form-batch";
import { waitForTurn } from "@/lib/delivery/rate-limit";
import { recordOutcome } from "@/lib/delivery/record-outcome";
import { redactHeaders } from "@/lib/delivery/redact-headers";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { type AttemptResult, sendAttempt } from "@/lib/delivery/send-attempt";
import { thinBody } from "@/lib/delivery/thin-body";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
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
  | { kind: "batching"; nextAttemptAt: Date }
  | {
      kind: "attempted";
      status: DeliveryStatus;
      result: AttemptResult;
      nextAttemptAt: Date | null;
      endpointDisabled: boolean;
    };

/**
 * One attempt at one delivery (or at a batch it leads): claim it, wait its turn under the rate
 * limit, gather its batch, POST the signed body, and record what happened and what comes next
 * (lib/delivery/record-outcome.ts). A wait of any kind releases the delivery to come back later,
 * scheduled in the same transaction (graphile-worker: a job; Inngest: nothing, the function
 * sleeps until `nextAttemptAt` itself).
 */
export async function deliver(
  deliveryId: string,
  deps: DeliverDeps,
  trigger: "scheduled" | "manual" = "scheduled",
): Promise<DeliverOutcome> {
  const now = deps.now ?? (() => new Date());
  const claimedAt = now();
  const delivery = await claimDelivery(deliveryId, claimedAt, deps.config.orphanGraceMs);
  if (!delivery) return { kind: "skipped" };
  if (delivery.disabled) {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "parked", nextAttemptAt: null } });
    return { kind: "parked" };
  }

  let members = [delivery];
  let batchId: string | null = null;
  if (delivery.batchMaxSize) {
    const batch = await formBatch(delivery, claimedAt);
    if ("defer" in batch) {
      // An older delivery is gathering a batch and will take this one: no job of its own.
      await db.delivery.update({
        where: { id: delivery.id },
        data: { status: "pending", nextAttemptAt: batch.defer },
      });
      return { kind: "batching", nextAttemptAt: batch.defer };
    }
    if ("wait" in batch) {
      await release(delivery.id, batch.wait, null, deps.scheduler);
      return { kind: "batching", nextAttemptAt: batch.wait };
    }
    ({ members, batchId } = batch);
  }

  if (delivery.throttleRate) {
    const turn = await waitForTurn(delivery, delivery.throttleRate, now);
    if (turn) {
      await release(delivery.id, turn.wakeAt, turn.slot, deps.scheduler);
      // The rest of the batch waits with it, without jobs of their own: the leader gathers them again.
      const rest = members.slice(1).map((m) => m.id);
      await db.delivery.updateMany({
        where: { id: { in: rest } },
        data: { status: "pending", nextAttemptAt: turn.wakeAt },
      });
      return { kind: "throttled", nextAttemptAt: turn.wakeAt };
    }
  }

  const body = batchId
    ? batchBody(members)
    : delivery.thin
      ? thinBody(delivery, deps.config.publicUrl, now())
      : (delivery.payload ?? "{}");
  // Receivers deduplicate on webhook-id: the message id (the same on every retry), or the batch's.
  const webhookId = batchId ?? delivery.messageId;
  const timestamp = Math.floor(now().getTime() / 1000);
  const headers = {
    ...delivery.headers,
    "content-type": "application/json",
    "user-agent": deps.config.userAgent,
    "webhook-id": webhookId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatureHeader(delivery.secrets.map(decryptSecret), webhookId, timestamp, body),
  };
  const result = await (deps.send ?? sendAttempt)(
    { url: delivery.url, body, timeoutMs: delivery.timeoutMs, headers },
    deps.config.guard,
    now,
  );
  const recorded = await recordOutcome(
    members,
    result,
    now(),
    trigger,
    batchId,
    redactHeaders(headers),
    deps,
  );
  if (batchId) await startNextBatch(delivery.endpointId, now(), deps.scheduler);
  return { kind: "attempted", result, ...recorded };
}

/** Back to pending until `at` (no attempt is counted), with its job scheduled for then. */
async function release(
  deliveryId: string,
  at: Date,
  slot: Date | null,
  scheduler: DeliveryScheduler,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.delivery.update({
      where: { id: deliveryId },
      data: { status: "pending", nextAttemptAt: at, reservedSlotAt: slot },
    });
    await scheduler.schedule(tx, [{ deliveryId, runAt: at }]);
  });
}

/** Messages that did not fit in the batch just sent wait for no one: start the next batch now. */
async function startNextBatch(endpointId: string, at: Date, scheduler: DeliveryScheduler): Promise<void> {
  const next = await db.delivery.findFirst({
    where: { endpointId, status: "pending", attemptCount: 0 },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!next) return;
  await db.$transaction(async (tx) => {
    await tx.delivery.update({ where: { id: next.id }, data: { nextAttemptAt: at } });
    await scheduler.schedule(tx, [{ deliveryId: next.id, runAt: at }]);
  });
  await scheduler.afterCommit?.([{ deliveryId: next.id, runAt: at }]);
}
