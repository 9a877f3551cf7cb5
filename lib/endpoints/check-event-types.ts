import { ValidationFailed } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { OPERATIONAL_EVENT_TYPES } from "@/lib/operational/emit-operational-event";
import { type AppRef, OPERATIONAL_APP } from "@/lib/operational/operational-app";

/**
 * An endpoint's filter may only name event types in the tenant's catalogue, or, for the
 * operational application, operational event types (422 otherwise).
 */
export async function checkEventTypes(
  tenantId: string,
  names: string[] | null | undefined,
  app?: AppRef,
): Promise<void> {
  if (!names?.length) return;
  const known = new Set<string>(
    app === OPERATIONAL_APP
      ? OPERATIONAL_EVENT_TYPES
      : (
          await db.eventType.findMany({ where: { tenantId, name: { in: names } }, select: { name: true } })
        ).map((e) => e.name),
  );
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) {
    throw new ValidationFailed(
      unknown.map((n) => ({
        loc: ["body", "eventTypes"],
        msg: `Event type '${n}' does not exist`,
        type: "value_error.unknown_event_type",
      })),
    );
  }
}
