import { deliverMessage } from "@/lib/jobs/inngest/functions/deliver-message";
import { maintenance } from "@/lib/jobs/inngest/functions/maintenance";
import { runBackgroundTask } from "@/lib/jobs/inngest/functions/run-background-task";

export const functions = [deliverMessage, maintenance, runBackgroundTask];
