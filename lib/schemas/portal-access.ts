import { z } from "zod";
import { applicationIn } from "@/lib/schemas/application";
import { featureFlagList } from "@/lib/schemas/common";

// Svix's AppPortalAccessIn, with its bounds: a token lasts `expiry` seconds, 1 hour to 7 days,
// 7 days by default.
export const appPortalAccessIn = z.object({
  application: applicationIn.nullish(),
  expiry: z
    .number()
    .int()
    .min(3600)
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
    .refine((c) => new Set(c).size === c.length, "must not repeat a capability")
    .nullish(),
  featureFlags: featureFlagList.optional(),
  sessionId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-zA-Z0-9@_-]+$/, "may contain only letters, digits, '@', '_' and '-'")
    .nullish(),
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
