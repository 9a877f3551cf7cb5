import { z } from "zod";
import type { FormState } from "@/lib/portal/form-state";

/** "Recover failed messages since…" in the portal and the widget: a start time, parsed. */
export const recoverForm = z.object({
  since: z.coerce
    .date({ error: "Choose a start date and time." })
    .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, "Choose a start date and time."),
  /** The dead-letter page's chooser: "<application id>:<endpoint id>". */
  endpoint: z
    .string()
    .regex(/^[^:]+:[^:]+$/, "Choose an endpoint.")
    .optional(),
});

/** A recovery form's state: the task it started, for the progress poll. */
export type RecoverState = FormState<{
  taskId?: string;
  appId?: string;
  endpointId?: string;
  since?: string;
}>;
