import { db } from "@/lib/db";
import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import { newId } from "@/lib/ids";

/** A batch's body stays under this many bytes, whatever `batchMaxSize` allows. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
// What each message adds around its payload in the batch body (id, eventType, timestamp).
const ENVELOPE_BYTES = 200;

export type BatchDecision =
  | { wait: Date }
  | { defer: Date }
  | { batchId: string; members: ClaimedDelivery[] };

/**
 * For an endpoint that batches. A new message's delivery either defers to an older one still
 * gathering its batch (it will be taken into that batch), or, being the oldest, waits until the
 * batch is full or its max wait is over. Then it takes up to `batchMaxSize - 1` more pending
 * deliveries of the endpoint into its batch, oldest first, as long as the body stays within
 * MAX_BATCH_BYTES: new messages, and retries that are due. Messages whose content was expunged
 * are never taken (each is sent, and fails, on its own). Taken deliveries are marked `sending`
 * (their own jobs then find nothing to do).
 */
export async function formBatch(leader: ClaimedDelivery, now: Date): Promise<BatchDecision> {
  const max = leader.batchMaxSize ?? 1;
  if (leader.attemptCount === 0) {
    const createdAt = new Date(leader.messageCreatedAt);
    const older = await db.delivery.findFirst({
      where: {
        endpointId: leader.endpointId,
        attemptCount: 0,
        status: { in: ["pending", "sending"] },
        nextAttemptAt: { lte: now },
        id: { not: leader.id },
        OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: leader.id } }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { createdAt: true },
    });
    if (older) return { defer: new Date(older.createdAt.getTime() + leader.batchMaxWaitMs) };
    const ready = new Date(createdAt.getTime() + leader.batchMaxWaitMs);
    if (ready > now) {
      const waiting = await db.delivery.count({
        where: {
          endpointId: leader.endpointId,
          status: "pending",
          attemptCount: 0,
          nextAttemptAt: { lte: ready },
          id: { not: leader.id },
        },
      });
      if (waiting + 1 < max) return { wait: ready };
    }
  }
  const batchId = newId("batch", now.getTime());
  const budget = MAX_BATCH_BYTES - Buffer.byteLength(leader.payload ?? "") - ENVELOPE_BYTES;
  const members = await db.$queryRaw<ClaimedDelivery[]>`
    WITH candidates AS (
      SELECT d.id, d."createdAt", octet_length(m.payload::text) + ${ENVELOPE_BYTES} AS bytes
        FROM "Delivery" d JOIN "Message" m ON m.id = d."messageId"
       WHERE d."endpointId" = ${leader.endpointId} AND d.status = 'pending' AND d.id <> ${leader.id}
         AND d."nextAttemptAt" <= ${now} AND m.payload IS NOT NULL AND m."rawPayload" IS NULL
       ORDER BY d."createdAt", d.id LIMIT ${max - 1}
       FOR UPDATE OF d SKIP LOCKED
    ), within AS (
      SELECT id FROM (SELECT id, sum(bytes) OVER (ORDER BY "createdAt", id) AS total FROM candidates) c
       WHERE total <= ${budget}
    ), taken AS (
      UPDATE "Delivery" d SET status = 'sending', "lastAttemptAt" = ${now}, "updatedAt" = ${now}, "batchId" = ${batchId}
       WHERE d.id IN (SELECT id FROM within)
      RETURNING d.id, d."messageId", d."attemptCount"
    )
    SELECT t.id, t."messageId", t."attemptCount", m."eventType", m."createdAt" AS "messageCreatedAt", m.payload::text AS payload
      FROM taken t JOIN "Message" m ON m.id = t."messageId"
     ORDER BY m."createdAt", t.id`;
  await db.delivery.update({ where: { id: leader.id }, data: { batchId } });
  return { batchId, members: [leader, ...members.map((m) => ({ ...leader, ...m }))] };
}

/** A batch's body: a JSON array of the messages, each with its own id (the payloads as stored). */
export function batchBody(members: ClaimedDelivery[]): string {
  const items = members.map(
    (m) =>
      `{"id":${JSON.stringify(m.messageId)},"eventType":${JSON.stringify(m.eventType)},"timestamp":${JSON.stringify(new Date(m.messageCreatedAt).toISOString())},"payload":${m.payload ?? "null"}}`,
  );
  return `[${items.join(",")}]`;
}
