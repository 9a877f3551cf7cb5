import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { Tx } from "@/lib/jobs/delivery-request";

/**
 * Operational webhooks ride on the same engine as everything else: each tenant has one internal
 * application (this uid, never listed, not addressable through the customer routes) whose
 * endpoints are the tenant's operational-webhook endpoints and whose messages are the events.
 */
export const OPERATIONAL_APP_UID = "__operational__";

/**
 * How lib code names the tenant's operational application where it takes an application id or
 * uid. A URL can only ever carry a string, so customer routes cannot reach it, whatever they send.
 */
export const OPERATIONAL_APP: unique symbol = Symbol("the tenant's operational application");
/** An application id or uid from a customer route, or the tenant's operational application. */
export type AppRef = string | typeof OPERATIONAL_APP;

/** The tenant's operational application, created on first use. */
export async function ensureOperationalApp(tenantId: string): Promise<string> {
  const existing = await db.application.findFirst({
    where: { tenantId, uid: OPERATIONAL_APP_UID },
    select: { id: true },
  });
  if (existing) return existing.id;
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Application" (id, "tenantId", uid, name, internal, "updatedAt")
    VALUES (${newId("app")}, ${tenantId}, ${OPERATIONAL_APP_UID}, 'Operational webhooks', true, now())
    ON CONFLICT ("tenantId", uid) DO UPDATE SET internal = true
    RETURNING id`;
  return rows[0]!.id;
}

/** The operational application's id if the tenant has one (null: nobody listens, emit nothing). */
export async function findOperationalApp(tx: Tx, tenantId: string): Promise<string | null> {
  const app = await tx.application.findFirst({
    where: { tenantId, uid: OPERATIONAL_APP_UID, internal: true },
    select: { id: true },
  });
  return app?.id ?? null;
}
