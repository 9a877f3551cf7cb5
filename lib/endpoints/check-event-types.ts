import { ValidationFailed } from "@/lib/api/errors";
import { db } from "@/lib/db";

/** An endpoint's filter may only name event types in the tenant's catalogue (422 otherwise). */
export async function checkEventTypes(tenantId: string, names: string[] | null | undefined): Promise<void> {
  if (!names?.length) return;
  const found = await db.eventType.findMany({
    where: { tenantId, name: { in: names } },
    select: { name: true },
  });
  const known = new Set(found.map((e) => e.name));
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
