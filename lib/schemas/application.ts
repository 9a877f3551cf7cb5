import { z } from "zod";
import { metadata, throttleRate, throttleRatePatch, uid } from "@/lib/schemas/common";

export const applicationIn = z.object({
  name: z.string().trim().min(1).max(256),
  uid: uid.nullish(),
  metadata: metadata.optional(),
  throttleRate: throttleRate.optional(),
});
export type ApplicationIn = z.infer<typeof applicationIn>;

export const applicationPatch = applicationIn
  .partial()
  .extend({ throttleRate: throttleRatePatch.optional() });
export type ApplicationPatch = z.infer<typeof applicationPatch>;

export const applicationOut = z.object({
  id: z.string(),
  uid: z.string().nullable(),
  name: z.string(),
  metadata: z.record(z.string(), z.string()),
  throttleRate: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationOut = z.infer<typeof applicationOut>;
