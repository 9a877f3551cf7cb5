import { z } from "zod";
import { eventTypeName } from "@/lib/schemas/common";

/** Largest `schemas` value, as JSON text: the portal's schema field has the same bound. */
export const SCHEMAS_MAX_BYTES = 64 * 1024;

// `schemas` holds JSON Schemas keyed by version ("1": {...}), as in Svix.
const schemas = z
  .record(z.string(), z.record(z.string(), z.unknown()))
  .nullable()
  .refine((value) => value === null || Buffer.byteLength(JSON.stringify(value)) <= SCHEMAS_MAX_BYTES, {
    message: `At most ${SCHEMAS_MAX_BYTES / 1024} KiB as JSON`,
  });

export const eventTypeIn = z.object({
  name: eventTypeName,
  description: z.string().max(4096).optional(),
  archived: z.boolean().optional(),
  deprecated: z.boolean().optional(),
  schemas: schemas.optional(),
  groupName: z.string().max(256).nullish(),
  featureFlags: z.array(z.string().max(256)).max(20).nullish(),
  // Hookline: deliver {id, type, timestamp, fetchUrl, fetchToken} instead of the payload.
  thinPayload: z.boolean().optional(),
});
export type EventTypeIn = z.infer<typeof eventTypeIn>;

export const eventTypeUpdate = eventTypeIn.omit({ name: true });

/** Svix's EventTypeImportOpenApiIn: the document as an object or as YAML/JSON text. */
export const eventTypeImportOpenApiIn = z.object({
  spec: z.record(z.string(), z.unknown()).nullish(),
  specRaw: z.string().max(1_000_000).nullish(),
  replaceAll: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export const eventTypePatch = eventTypeUpdate.partial();
export type EventTypePatch = z.infer<typeof eventTypePatch>;

export const eventTypeOut = z.object({
  name: z.string(),
  description: z.string(),
  archived: z.boolean(),
  deprecated: z.boolean(),
  schemas: z.unknown().nullable(),
  groupName: z.string().nullable(),
  featureFlags: z.array(z.string()).nullable(),
  thinPayload: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventTypeOut = z.infer<typeof eventTypeOut>;
