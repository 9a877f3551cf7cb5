import { deliverMessage } from "@/lib/jobs/inngest/functions/deliver-message";
import { maintenance } from "@/lib/jobs/inngest/functions/maintenance";

export const functions = [deliverMessage, maintenance];
