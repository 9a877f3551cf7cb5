import { z } from "zod";

const featureFlags = z
  .array(
    z
      .string()
      .min(1)
      .max(256)
      .regex(/^[a-zA-Z0-9\-_.]+$/, "may contain only letters, digits, '-', '_' and '.'"),
  )
  .max(25)
  .refine((f) => new Set(f).size === f.length, "must not repeat a flag")
  .nullish();

/** Svix's IntegrationIn / IntegrationUpdate. */
export const integrationIn = z.object({ name: z.string().trim().min(1).max(256), featureFlags });

export const integrationOut = z.object({
  id: z.string(),
  name: z.string(),
  featureFlags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
