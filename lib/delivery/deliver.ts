import { db } from "@/lib/db";
import { buildRequest, UnsendableRequest } from "@/lib/delivery/build-request";
import { type ClaimedDelivery, claimDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { formBatch } from "@/lib/delivery/form-batch";
import { waitForTurn } from "@/lib/delivery/rate-limit";
import { recordOutcome } from "@/lib/delivery/record-outcome";
import { redactHeaders } from "@/lib/delivery/redact-headers";
import { type AttemptResult, sendAttempt } from "@/lib/delivery/send-attempt";
import { openHeaders } from "@/lib/endpoints/header-box";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { DeliveryTrigger } from "@/lib/jobs/delivery-request";
import { withDeliveries } from "@/lib/jobs/with-deliveries";
import {
  runTransformation,
  TransformationError,
  type TransformResult,
} from "@/lib/transformations/run-transformation";

export interface DeliverDeps {
  config: DeliveryConfig;
  now?: () => Date;
  random?: () => number;
  send?: typeof sendAttempt;
  /**
   * Told as soon as the attempt is over (answered, timed out, or could not be made), before it is
   * recorded: the worker frees the endpoint's place then, not after the write.
   */
  onAnswered?: (result: AttemptResult, delivery: ClaimedDelivery) => void;
}

export type DeliverOutcome =
  | { kind: "skipped" }
  | { kind: "parked" }
  | { kind: "canceled" }
  | { kind: "throttled"; nextAttemptAt: Date }
  | { kind: "batching"; nextAttemptAt: Date }
  | {
      kind: "attempted";
      status: DeliveryStatus;
      result: AttemptResult;
      nextAttemptAt: Date | null;
      endpointDisabled: boolean;
    };

type Wait = Extract<DeliverOutcome, { kind: "throttled" | "batching" }>;

/**
 * One attempt at one delivery (or at a batch it leads): claim it, wait its turn under the rate
 * limit, gather its batch, POST the signed body, and record what happened and what comes next
 * (lib/delivery/record-outcome.ts). A wait of any kind releases the delivery to come back later.
 *
 * Once claimed, nothing escapes as an exception: whatever goes wrong becomes a recorded, failed
 * attempt (permanent when retrying cannot help), so the delivery moves on to its retry, the
 * dead-letter queue or the endpoint's auto-disable instead of being claimed again forever. Only a
 * failure to record (PostgreSQL gone) is thrown; the delivery then stays `sending` and the sweep
 * takes it up again after its timeout plus DELIVERY_ORPHAN_GRACE.
 */
export async function deliver(
  deliveryId: string,
  deps: DeliverDeps,
  trigger: DeliveryTrigger = "scheduled",
): Promise<DeliverOutcome> {
  const claimedAt = (deps.now ?? (() => new Date()))();
  const delivery = await claimDelivery(deliveryId, claimedAt, deps.config.orphanGraceMs);
  if (!delivery) return { kind: "skipped" };
  return deliverClaimed(delivery, claimedAt, deps, trigger);
}

/** `deliver` for a delivery already claimed at `claimedAt` (the worker claims in groups). */
export async function deliverClaimed(
  delivery: ClaimedDelivery,
  claimedAt: Date,
  deps: DeliverDeps,
  trigger: DeliveryTrigger = "scheduled",
): Promise<DeliverOutcome> {
  const now = deps.now ?? (() => new Date());
  if (delivery.disabled) {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "parked", nextAttemptAt: null } });
    return { kind: "parked" };
  }

  let members = [delivery];
  let batchId: string | null = null;
  let requestHeaders: Record<string, string> = {};
  let result: AttemptResult;
  const started = performance.now();
  try {
    const prepared = await prepare(delivery, claimedAt, now);
    if ("kind" in prepared) return prepared;
    ({ members, batchId } = prepared);
    const transformed = delivery.transformation && !batchId ? await transform(delivery) : undefined;
    if (transformed?.cancel) {
      await db.delivery.update({
        where: { id: delivery.id },
        data: { status: "canceled", nextAttemptAt: null, reservedSlotAt: null },
      });
      return { kind: "canceled" };
    }
    const request = buildRequest(members, batchId, deps.config, now(), transformed);
    requestHeaders = redactHeaders(request.headers);
    result = await (deps.send ?? sendAttempt)(request, deps.config.guard, now);
  } catch (error) {
    result = failedBeforeSending(error, Math.round(performance.now() - started), delivery);
  }
  deps.onAnswered?.(result, delivery);
  const recorded = await recordOutcome(
    { members, result, at: now(), trigger, batchId, requestHeaders },
    deps,
  );
  if (batchId) await startNextBatch(delivery.endpointId, now());
  return { kind: "attempted", result, ...recorded };
}

/**
 * The endpoint's transformation applied to this delivery's request (payload, URL, method, custom
 * headers), in the QuickJS sandbox. Its failures are the delivery's: a permanent failed attempt.
 */
async function transform(delivery: ClaimedDelivery): Promise<TransformResult> {
  if (delivery.payload === null)
    throw new UnsendableRequest(
      "expunged",
      "The message's content was expunged (retention or on request): there is nothing to send",
    );
  let headers: Record<string, string>;
  try {
    headers = openHeaders(delivery.headers);
  } catch {
    throw new UnsendableRequest(
      "secret_unreadable",
      "The endpoint's custom headers cannot be decrypted (was SECRETS_ENCRYPTION_KEY changed?)",
    );
  }
  try {
    return await runTransformation(
      delivery.transformation!,
      {
        eventType: delivery.eventType,
        payload: delivery.contentType ? delivery.payload : JSON.parse(delivery.payload),
        url: delivery.url,
        method: "POST",
        headers,
        cancel: false,
      },
      delivery.transformationVariables ?? {},
    );
  } catch (error) {
    if (error instanceof TransformationError) throw new UnsendableRequest("transformation", error.message);
    throw error;
  }
}

/** Batching and the rate limit: either the deliveries to send now, or a wait. */
async function prepare(
  delivery: ClaimedDelivery,
  claimedAt: Date,
  now: () => Date,
): Promise<{ members: ClaimedDelivery[]; batchId: string | null } | Wait> {
  let members = [delivery];
  let batchId: string | null = null;
  // An expunged message is never part of a batch: alone, it fails as "expunged".
  // A raw (non-JSON) payload cannot sit in a batch's JSON array: it goes alone.
  // A transformed delivery goes alone too: its script shapes one request.
  if (
    delivery.batchMaxSize &&
    delivery.payload !== null &&
    delivery.contentType === null &&
    !delivery.transformation
  ) {
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
      await release(delivery, batch.wait, null);
      return { kind: "batching", nextAttemptAt: batch.wait };
    }
    ({ members, batchId } = batch);
  }
  if (delivery.throttleRate) {
    const turn = await waitForTurn(delivery, delivery.throttleRate, now);
    if (turn) {
      await release(delivery, turn.wakeAt, turn.slot);
      // The rest of the batch waits with it, without jobs of their own: the leader gathers them again.
      const rest = members.slice(1).map((m) => m.id);
      await db.delivery.updateMany({
        where: { id: { in: rest } },
        data: { status: "pending", nextAttemptAt: turn.wakeAt },
      });
      return { kind: "throttled", nextAttemptAt: turn.wakeAt };
    }
  }
  return { members, batchId };
}

/** What an attempt that never reached the network comes to. */
function failedBeforeSending(error: unknown, durationMs: number, delivery: ClaimedDelivery): AttemptResult {
  const unsendable = error instanceof UnsendableRequest;
  if (!unsendable) console.error(`[hookline] Delivery ${delivery.id} failed inside Hookline:`, error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    outcome: "failure",
    status: 0,
    durationMs,
    responseBody: "",
    errorKind: unsendable ? error.kind : "internal",
    errorMessage: unsendable ? message : `Hookline could not make this attempt: ${message.slice(0, 500)}`,
    permanent: unsendable,
    retryAfterMs: null,
  };
}

/** Back to pending until `at` (no attempt is counted), to come back then. */
async function release(delivery: ClaimedDelivery, at: Date, slot: Date | null): Promise<void> {
  await withDeliveries(async (tx, enqueue) => {
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { status: "pending", nextAttemptAt: at, reservedSlotAt: slot },
    });
    enqueue({ deliveryId: delivery.id, endpointId: delivery.endpointId, runAt: at, continuation: true });
  });
}

/** Messages that did not fit in the batch just sent wait for no one: start the next batch now. */
async function startNextBatch(endpointId: string, at: Date): Promise<void> {
  const next = await db.delivery.findFirst({
    where: { endpointId, status: "pending", attemptCount: 0 },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!next) return;
  await withDeliveries(async (tx, enqueue) => {
    await tx.delivery.update({ where: { id: next.id }, data: { nextAttemptAt: at } });
    enqueue({ deliveryId: next.id, endpointId, runAt: at });
  });
}
