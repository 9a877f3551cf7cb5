import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";

// Hookline extension: request inspectors (lib/inspector).

const responseStatus = z
  .number()
  .int()
  .min(200, "must be 200 to 599")
  .max(599, "must be 200 to 599")
  .describe("The status every request is answered with (default 200; e.g. 500 to watch retries).");

export const inspectorIn = z.object({
  name: z.string().max(256).optional(),
  responseStatus: responseStatus.optional(),
  /** How long it lives: 1 minute to 7 days, default 24 hours. */
  expiresInSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .optional()
    .describe("How long the inspector lives: 60 s to 7 days (default 24 hours)."),
});
export type InspectorIn = z.infer<typeof inspectorIn>;

export const inspectorPatch = z.object({
  name: z.string().max(256).optional(),
  responseStatus: responseStatus.optional(),
});

export const inspectorOut = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  responseStatus: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const inspectorRequestOut = z.object({
  id: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  bodyEncoding: z.enum(["utf8", "base64"]),
  clientAddress: z.string().nullable(),
  receivedAt: z.string(),
  /** With `endpoint_id`: whether a signature verifies with that endpoint's current or grace-period keys. */
  signatureValid: z.boolean().optional(),
});

export const inspectorRequestQuery = listQuery("descending").extend({
  endpoint_id: z.string().min(1).max(256).optional(),
});
