import { z } from "zod";

export const livenessOut = z.object({ status: z.literal("alive") });

export const workerStatusOut = z.object({
  name: z.string(),
  state: z.enum(["starting", "running", "restarting", "stopped", "failed"]),
  since: z.string(),
  restarts: z.number(),
  lastError: z.string().nullable(),
});

export const readinessOut = z.object({
  status: z.enum(["ready", "unavailable"]),
  /** Why the process cannot deliver (empty when ready). */
  reasons: z.array(z.string()),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().nullable() }),
  jobs: z.object({ driver: z.enum(["graphile", "inngest"]), workers: z.array(workerStatusOut) }),
  /** Age of the oldest delivery that is due and not yet attempted: how far delivery lags. */
  queue: z.object({ oldestDueDeliveryAgeSeconds: z.number().nullable() }),
});
export type ReadinessOut = z.infer<typeof readinessOut>;
