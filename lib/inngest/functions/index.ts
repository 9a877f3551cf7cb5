import { deliverMessage } from "@/lib/inngest/functions/deliver-message";
import { endpointHealth } from "@/lib/inngest/functions/endpoint-health";
import { fanOutMessage } from "@/lib/inngest/functions/fan-out-message";

export const functions = [fanOutMessage, deliverMessage, endpointHealth];
