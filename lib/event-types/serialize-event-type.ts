import type { EventTypeOut } from "@/lib/schemas/event-type";

export const eventTypeSelect = {
  name: true,
  description: true,
  archived: true,
  deprecated: true,
  schemas: true,
  groupName: true,
  featureFlags: true,
  thinPayload: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function serializeEventType(et: {
  name: string;
  description: string;
  archived: boolean;
  deprecated: boolean;
  schemas: unknown;
  groupName: string | null;
  featureFlags: string[];
  thinPayload: boolean;
  createdAt: Date;
  updatedAt: Date;
}): EventTypeOut {
  return {
    name: et.name,
    description: et.description,
    archived: et.archived,
    deprecated: et.deprecated,
    schemas: et.schemas ?? null,
    groupName: et.groupName,
    featureFlags: et.featureFlags.length ? et.featureFlags : null,
    thinPayload: et.thinPayload,
    createdAt: et.createdAt.toISOString(),
    updatedAt: et.updatedAt.toISOString(),
  };
}
