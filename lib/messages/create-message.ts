import { ApiError, conflict } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/applications/create-application";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { fanOut } from "@/lib/delivery/fan-out";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { newId } from "@/lib/ids";
import { messageSelect } from "@/lib/messages/serialize-message";
import type { MessageIn } from "@/lib/schemas/message";

export interface CreateMessageOptions {
  scheduler: DeliveryScheduler;
  maxPayloadBytes: number;
  /** Deliver only to this endpoint (send-example, tests of one endpoint). */
  onlyEndpointId?: string;
  now?: Date;
}

/**
 * Accepts a message: the message, one delivery per listening endpoint and the jobs that will
 * deliver them are written in one transaction, so once this returns the message cannot be lost.
 * A payload over the limit is a 413; an `eventId` already used in the application is a 409.
 */
export async function createMessage(
  tenantId: string,
  appIdOrUid: string,
  input: MessageIn,
  options: CreateMessageOptions,
) {
  const payloadBytes = Buffer.byteLength(JSON.stringify(input.payload));
  if (payloadBytes > options.maxPayloadBytes) {
    throw new ApiError(
      413,
      "payload_too_large",
      `Payload is ${payloadBytes} bytes; the limit is ${options.maxPayloadBytes}`,
    );
  }
  const app = await findApplication(tenantId, appIdOrUid);
  const now = options.now ?? new Date();
  const id = newId("msg", now.getTime());
  try {
    const { message, scheduled } = await db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          id,
          tenantId,
          applicationId: app.id,
          eventType: input.eventType,
          eventId: input.eventId ?? null,
          payload: input.payload as object,
          channels: input.channels ?? [],
          tags: input.tags ?? [],
          createdAt: now,
        },
        select: messageSelect,
      });
      const scheduled = await fanOut(
        tx,
        { id, tenantId, applicationId: app.id, eventType: input.eventType, channels: input.channels ?? [] },
        now,
        options.onlyEndpointId,
      );
      await options.scheduler.schedule(tx, scheduled);
      return { message, scheduled };
    });
    await options.scheduler.afterCommit?.(scheduled);
    return { message, deliveries: scheduled.length };
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A message with eventId '${input.eventId}' already exists in this application`);
    throw error;
  }
}
