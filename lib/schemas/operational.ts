import { endpointIn, endpointUpdate } from "@/lib/schemas/endpoint";

// Operational-webhook endpoints are endpoints without channels, filtered by operational event types.
export const operationalEndpointIn = endpointIn.omit({ channels: true, version: true });
export const operationalEndpointUpdate = endpointUpdate.omit({ channels: true, version: true });
