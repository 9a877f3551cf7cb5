import { z } from "zod";
import { uid } from "@/lib/schemas/common";

// Hookline extension: relays for `npm run listen`.
export const relayIn = z.object({
  /** The application (id or uid) whose deliveries the relay takes. */
  app: z.string().min(1).max(256),
  /** One relay per application and name (default "default"): two developers use two names. */
  name: uid.optional(),
});

export const relayOut = z.object({
  id: z.string(),
  name: z.string(),
  applicationId: z.string(),
  url: z.string(),
  listening: z.boolean(),
});
