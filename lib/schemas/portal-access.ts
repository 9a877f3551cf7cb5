import { z } from "zod";
import { applicationIn } from "@/lib/schemas/application";

// Svix's AppPortalAccessIn. Hookline: the token lasts 1 hour unless `expiry` says otherwise.
export const appPortalAccessIn = z.object({
  application: applicationIn.nullish(),
  expiry: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .nullish(),
  readOnly: z.boolean().nullish(),
  capabilities: z
    .array(
      z.enum([
        "ViewBase",
        "ViewEndpointSecret",
        "ManageEndpointSecret",
        "ManageTransformations",
        "CreateAttempts",
        "ManageEndpoint",
      ]),
    )
    .max(10)
    .nullish(),
  featureFlags: z.array(z.string().min(1).max(256)).max(50).optional(),
  sessionId: z.string().min(1).max(256).nullish(),
});
export type AppPortalAccessIn = z.infer<typeof appPortalAccessIn>;

export const appPortalAccessOut = z.object({ url: z.string(), token: z.string() });

// Svix's ApplicationTokenExpireIn.
export const applicationTokenExpireIn = z.object({
  expiry: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .nullish(),
  sessionIds: z.array(z.string().min(1).max(256)).max(100).optional(),
});
