import { db } from "@/lib/db";
import { eventTypeExample } from "@/lib/event-types/event-type-example";

export interface CatalogueEntry {
  name: string;
  description: string;
  /** The first example payload, pretty-printed; null when the event type has none. */
  example: string | null;
  /** Still sent, but on its way out: pickers flag it. */
  deprecated: boolean;
  /** Svix's `groupName`, else the name's first dotted part ("invoice" for invoice.paid). */
  group: string;
}

/**
 * The tenant's active event types, for pickers in the portal and the widget. With `featureFlags`
 * (a widget token's), event types behind a flag show only when the token has that flag.
 */
export async function eventTypeCatalogue(
  tenantId: string,
  featureFlags?: string[],
): Promise<CatalogueEntry[]> {
  const eventTypes = await db.eventType.findMany({
    where: {
      tenantId,
      archived: false,
      ...(featureFlags
        ? { OR: [{ featureFlags: { isEmpty: true } }, { featureFlags: { hasSome: featureFlags } }] }
        : {}),
    },
    orderBy: { name: "asc" },
    select: { name: true, description: true, schemas: true, deprecated: true, groupName: true },
  });
  return eventTypes.map((et) => {
    const example = eventTypeExample(et.schemas);
    return {
      name: et.name,
      description: et.description,
      example: example ? JSON.stringify(example, null, 2) : null,
      deprecated: et.deprecated,
      group: et.groupName || et.name.split(".")[0]!,
    };
  });
}

/**
 * Of `names`, those a widget token with `featureFlags` may not use: unknown, archived, or behind a
 * flag the token lacks. (The pickers show only the others; this holds for requests made by hand.)
 */
export async function hiddenEventTypes(
  tenantId: string,
  names: string[],
  featureFlags: string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const visible = await db.eventType.findMany({
    where: {
      tenantId,
      name: { in: names },
      archived: false,
      OR: [{ featureFlags: { isEmpty: true } }, { featureFlags: { hasSome: featureFlags } }],
    },
    select: { name: true },
  });
  const seen = new Set(visible.map((et) => et.name));
  return names.filter((name) => !seen.has(name));
}
