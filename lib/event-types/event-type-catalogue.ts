import { db } from "@/lib/db";
import { eventTypeExample } from "@/lib/event-types/event-type-example";

export interface CatalogueEntry {
  name: string;
  description: string;
  /** The first example payload, pretty-printed; null when the event type has none. */
  example: string | null;
}

/** The tenant's active event types, for pickers in the portal and the widget. */
export async function eventTypeCatalogue(tenantId: string): Promise<CatalogueEntry[]> {
  const eventTypes = await db.eventType.findMany({
    where: { tenantId, archived: false },
    orderBy: { name: "asc" },
    select: { name: true, description: true, schemas: true },
  });
  return eventTypes.map((et) => {
    const example = eventTypeExample(et.schemas);
    return {
      name: et.name,
      description: et.description,
      example: example ? JSON.stringify(example, null, 2) : null,
    };
  });
}
