import { ApiError, conflict, notFound, ValidationFailed } from "@/lib/api/errors";
import { AlreadyRecorded, type IdempotencyClaim } from "@/lib/api/idempotency";
import { createApplication } from "@/lib/applications/create-application";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import { groupCommit } from "@/lib/db/group-commit";
import { newId } from "@/lib/ids";
import { withDeliveriesSql } from "@/lib/jobs/with-deliveries";
import { type InsertedMessage, insertMessages, type MessageRow } from "@/lib/messages/insert-messages";
import { messagesAccepted } from "@/lib/metrics/metrics";
import type { ApplicationIn } from "@/lib/schemas/application";
import type { MessageIn } from "@/lib/schemas/message";
import { traceEnqueue } from "@/lib/tracing/tracing";

export interface CreateMessageOptions {
  maxPayloadBytes: number;
  /** Deliver only to this endpoint (send-example). */
  onlyEndpointId?: string;
  /** The request's Idempotency-Key, recorded in the message's own transaction. */
  idempotency?: IdempotencyClaim | null;
  now?: Date;
}

/**
 * Accepts a message: the message, one delivery per listening endpoint (fan-out) and the jobs that
 * will deliver them are written in one transaction, so once this returns the message cannot be
 * lost. An endpoint listens when its event-type filter is empty or names the type and its
 * channels are empty or share one with the message; disabled endpoints get a parked delivery (not
 * lost; `recover` sends it later). A payload over the limit is a 413; an `eventId` already used in
 * the application is a 409. With an Idempotency-Key, the key is recorded in the same transaction,
 * so a crash leaves either both or neither. Concurrent calls share one transaction and one
 * statement (group commit): this is the API's hottest path.
 */
export async function createMessage(
  tenantId: string,
  appIdOrUid: string,
  input: MessageIn,
  options: CreateMessageOptions,
) {
  const payload = JSON.stringify(input.payload);
  const raw = input.transformationsParams?.rawPayload ?? null;
  const payloadBytes = Buffer.byteLength(raw ?? payload);
  if (payloadBytes > options.maxPayloadBytes) {
    throw new ApiError(
      413,
      "payload_too_large",
      `Payload is ${payloadBytes} bytes; the limit is ${options.maxPayloadBytes}`,
    );
  }
  const now = options.now ?? new Date();
  const deliverAt = scheduledFor(input.deliverAt, now);
  const row: MessageRow = {
    id: newId("msg", now.getTime()),
    tenantId,
    appRef: appIdOrUid,
    eventType: input.eventType,
    eventId: input.eventId ?? null,
    payload,
    channels: input.channels ?? [],
    tags: input.tags ?? [],
    createdAt: now,
    onlyEndpointId: options.onlyEndpointId ?? null,
    idempotency: options.idempotency ?? null,
    rawPayload: raw,
    contentType: raw === null ? null : contentTypeOf(input.transformationsParams?.headers),
    deliverAt,
    retentionHours:
      input.payloadRetentionHours ??
      (input.payloadRetentionPeriod ? input.payloadRetentionPeriod * 24 : null),
  };
  // Traced (OTEL_EXPORTER_OTLP_ENDPOINT): the enqueue is a span, whose context the message keeps.
  const result = await traceEnqueue(
    { "hookline.message_id": row.id, "hookline.event_type": row.eventType },
    async (traceParent) => {
      row.traceParent = traceParent;
      let accepted = await acceptMessage(row);
      if (!accepted.appFound && input.application) {
        await createApplicationFor(tenantId, appIdOrUid, input.application);
        accepted = await acceptMessage(row);
      }
      return accepted;
    },
  );
  if (!result.appFound) throw notFound("Application");
  if (result.keyTaken) throw new AlreadyRecorded();
  if (!result.accepted)
    throw conflict(`A message with eventId '${input.eventId}' already exists in this application`);
  const message = {
    id: row.id,
    eventType: row.eventType,
    eventId: row.eventId,
    payload: input.payload,
    channels: row.channels,
    tags: row.tags,
    createdAt: now,
    deliverAt,
    expungedAt: null,
  };
  return { message, deliveries: result.pending.length };
}

/** Svix allows scheduling up to 24 hours ahead; a time already past means now. */
export const MAX_SCHEDULE_MS = 24 * 3_600_000;

function scheduledFor(deliverAt: Date | null | undefined, now: Date): Date | null {
  if (!deliverAt || deliverAt <= now) return null;
  // A minute of grace for the caller's clock.
  if (deliverAt.getTime() > now.getTime() + MAX_SCHEDULE_MS + 60_000)
    throw new ValidationFailed([
      { loc: ["body", "deliverAt"], msg: "must be at most 24 hours in the future", type: "value_error" },
    ]);
  return deliverAt;
}

function contentTypeOf(headers: Record<string, string> | null | undefined): string {
  const found = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "content-type")?.[1];
  return found?.trim() || "text/plain";
}

/**
 * `MessageIn.application`: creates the application the path names (its uid, unless the input
 * gives one) before the message. Two sends racing to create it both go on with the one created.
 */
async function createApplicationFor(tenantId: string, appIdOrUid: string, input: ApplicationIn) {
  try {
    await createApplication(tenantId, { ...input, uid: input.uid ?? appIdOrUid }, true);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
  }
}

const acceptMessage = groupCommit(acceptTogether, { maxItems: 100, maxParallel: 2 });

/**
 * One transaction for messages that arrived together. Two requests with the same Idempotency-Key
 * never share a statement (the second would not see the first's key): it goes in the next round,
 * where it finds the key taken. If the statement fails for another reason than the database being
 * away, each message is tried alone, so one bad message cannot fail its neighbours.
 */
async function acceptTogether(rows: MessageRow[]): Promise<(InsertedMessage | Error)[]> {
  const results = new Map<string, InsertedMessage | Error>();
  let remaining = rows;
  while (remaining.length > 0) {
    const seen = new Set<string>();
    const round: MessageRow[] = [];
    const later: MessageRow[] = [];
    for (const row of remaining) {
      const key = row.idempotency ? `${row.tenantId}\n${row.idempotency.key}` : null;
      if (key && seen.has(key)) later.push(row);
      else {
        if (key) seen.add(key);
        round.push(row);
      }
    }
    try {
      for (const r of await insertAndEnqueue(round)) results.set(r.id, r);
    } catch (error) {
      if (round.length === 1 || isDatabaseUnavailable(error)) throw error;
      for (const row of round) {
        const alone = await insertAndEnqueue([row]).then(
          (r) => r[0]!,
          (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
        );
        results.set(row.id, alone);
      }
    }
    remaining = later;
  }
  return rows.map((r) => results.get(r.id)!);
}

async function insertAndEnqueue(rows: MessageRow[]): Promise<InsertedMessage[]> {
  const inserted = await withDeliveriesSql(async (_client, sql, enqueue) => {
    const inserted = await insertMessages(sql, rows);
    const dueAt = new Map(rows.map((r) => [r.id, r.deliverAt ?? r.createdAt]));
    for (const m of inserted) enqueue(m.pending.map((d) => ({ ...d, runAt: dueAt.get(m.id)! })));
    return inserted;
  });
  // Committed: count them (hookline_messages_accepted_total).
  messagesAccepted.inc(inserted.filter((m) => m.accepted).length);
  return inserted;
}
