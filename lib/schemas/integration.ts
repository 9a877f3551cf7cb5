import { z } from "zod";
import { featureFlagList } from "@/lib/schemas/common";

const featureFlags = featureFlagList.nullish();

/** Svix's IntegrationIn / IntegrationUpdate. */
export const integrationIn = z.object({ name: z.string().trim().min(1).max(256), featureFlags });

export const integrationOut = z.object({
  id: z.string(),
  name: z.string(),
  featureFlags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
