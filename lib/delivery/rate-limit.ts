import { db } from "@/lib/db";

/**
 * Reserves the endpoint's next send slot under a limit of `perSecond` messages per second and
 * returns its time. Slots are spaced 1/perSecond apart and kept on the endpoint row, so every
 * worker process shares one limit. A slot in the future means "wait until then", never "drop".
 */
export async function reserveSlot(endpointId: string, perSecond: number, now: Date): Promise<Date> {
  const spacingMs = 1000 / perSecond;
  const rows = await db.$queryRaw<{ slot: Date }[]>`
    UPDATE "Endpoint"
       SET "throttleNextAt" = GREATEST(COALESCE("throttleNextAt", ${now}), ${now}::timestamptz) + make_interval(secs => ${spacingMs} / 1000.0)
     WHERE id = ${endpointId}
    RETURNING "throttleNextAt" - make_interval(secs => ${spacingMs} / 1000.0) AS slot`;
  return rows[0]?.slot ?? now;
}

// Waits up to this long happen in the worker; longer ones go back to the job engine, which wakes
// the delivery this much before its slot. A slot missed by more than LATE_MS (a late wake-up, a
// busy CPU) is given up for a fresh one, so sends stay close to their slots.
const IN_PROCESS_WAIT_MS = 1000;
const EARLY_WAKE_MS = 600;
const LATE_MS = 250;

/**
 * Waits for the delivery's turn under the endpoint's limit (shared by every worker). Returns when
 * it may send now, or the time to come back (and the slot it holds) when its turn is further off.
 * Rate limits delay deliveries; they never fail or drop them.
 */
export async function waitForTurn(
  delivery: { endpointId: string; reservedSlotAt: Date | null },
  perSecond: number,
  now: () => Date,
): Promise<{ wakeAt: Date; slot: Date } | null> {
  let slot = delivery.reservedSlotAt;
  for (let tries = 0; tries < 5; tries++) {
    if (!slot || slot.getTime() < now().getTime() - LATE_MS)
      slot = await reserveSlot(delivery.endpointId, perSecond, now());
    const wait = slot.getTime() - now().getTime();
    if (wait > IN_PROCESS_WAIT_MS) return { wakeAt: new Date(slot.getTime() - EARLY_WAKE_MS), slot };
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (now().getTime() - slot.getTime() <= LATE_MS) return null;
  }
  return null;
}
