import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export const DEAD_LETTER_PAGE_SIZE = 50;
/** Counting stops here ("10,000+"), so a huge queue does not make every page slow. */
export const DEAD_LETTER_COUNT_CAP = 10_000;
export const DEAD_LETTER_STATUSES = ["failed", "parked"] as const;

export interface DeadLetterFilter {
  endpointId?: string;
  /** failed (every retry failed; the default) or parked (its endpoint is disabled). */
  status?: (typeof DEAD_LETTER_STATUSES)[number];
  /** Keyset cursor from the previous page: "<updatedAt ms>.<delivery id>". */
  before?: string;
}

function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const [ms, id] = cursor?.split(".") ?? [];
  const at = new Date(Number(ms));
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/**
 * The portal's dead-letter queue across the tenant's applications: failed (or parked) deliveries,
 * most recently failed first, one keyset page at a time over the (tenantId, status, updatedAt)
 * index, each with its last attempt's result; how many match in all (up to a cap); and which
 * endpoints have any, for the filter and the "resend all" action.
 */
export async function deadLetterOverview(
  tenantId: string,
  filter: DeadLetterFilter,
  pageSize = DEAD_LETTER_PAGE_SIZE,
) {
  const status: DeliveryStatus = filter.status ?? "failed";
  const cursor = parseCursor(filter.before);
  const where = {
    tenantId,
    status,
    endpointId: filter.endpointId || undefined,
    message: { application: { internal: false } },
  };
  const [rows, [count], endpoints] = await Promise.all([
    db.delivery.findMany({
      where: {
        ...where,
        ...(cursor
          ? { OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] }
          : {}),
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: {
        id: true,
        messageId: true,
        endpointId: true,
        applicationId: true,
        attemptCount: true,
        updatedAt: true,
        status: true,
        message: { select: { eventType: true } },
        endpoint: { select: { url: true } },
      },
    }),
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM "Delivery" d JOIN "Application" a ON a.id = d."applicationId"
         WHERE d."tenantId" = ${tenantId} AND d.status = ${status}::"DeliveryStatus" AND NOT a.internal
           AND (${filter.endpointId ?? null}::text IS NULL OR d."endpointId" = ${filter.endpointId ?? null})
         LIMIT ${DEAD_LETTER_COUNT_CAP + 1}) capped`,
    db.endpoint.findMany({
      where: { tenantId, application: { internal: false } },
      orderBy: { url: "asc" },
      select: { id: true, url: true, applicationId: true, application: { select: { name: true } } },
    }),
  ]);
  const page = rows.slice(0, pageSize);
  const last = await lastAttempts(tenantId, page);
  const tail = page.at(-1);
  return {
    deliveries: page.map((d) => ({ ...d, lastAttempt: last.get(d.id) ?? null })),
    total: Number(count?.n ?? 0),
    endpoints,
    older: rows.length > pageSize && tail ? `${tail.updatedAt.getTime()}.${tail.id}` : null,
  };
}

/** Each delivery's latest attempt: one query, through the (messageId, createdAt) index. */
async function lastAttempts(tenantId: string, deliveries: { id: string; messageId: string }[]) {
  if (deliveries.length === 0) return new Map();
  const attempts = await db.$queryRaw<
    {
      deliveryId: string;
      outcome: "success" | "failure";
      responseStatusCode: number;
      durationMs: number;
      errorKind: string | null;
      errorMessage: string | null;
    }[]
  >`
    SELECT DISTINCT ON ("deliveryId") "deliveryId", outcome::text AS outcome, "responseStatusCode", "durationMs",
           "errorKind", "errorMessage"
      FROM "MessageAttempt"
     WHERE "tenantId" = ${tenantId} AND "messageId" = ANY(${[...new Set(deliveries.map((d) => d.messageId))]})
       AND "deliveryId" = ANY(${deliveries.map((d) => d.id)})
     ORDER BY "deliveryId", id DESC`;
  return new Map(attempts.map((a) => [a.deliveryId, a]));
}
