import type { EndpointOut } from "@/lib/schemas/endpoint";

export const endpointSelect = {
  id: true,
  uid: true,
  url: true,
  description: true,
  version: true,
  disabled: true,
  eventTypes: true,
  channels: true,
  metadata: true,
  throttleRate: true,
  timeoutMs: true,
  batchMaxSize: true,
  polling: true,
  batchMaxWaitMs: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function serializeEndpoint(ep: {
  id: string;
  uid: string | null;
  url: string;
  description: string;
  version: number;
  disabled: boolean;
  eventTypes: string[];
  channels: string[];
  metadata: unknown;
  throttleRate: number | null;
  timeoutMs: number;
  batchMaxSize: number | null;
  polling: boolean;
  batchMaxWaitMs: number;
  createdAt: Date;
  updatedAt: Date;
}): EndpointOut {
  return {
    id: ep.id,
    uid: ep.uid,
    url: ep.url,
    description: ep.description,
    version: ep.version,
    disabled: ep.disabled,
    eventTypes: ep.eventTypes.length ? ep.eventTypes : null,
    channels: ep.channels.length ? ep.channels : null,
    metadata: (ep.metadata ?? {}) as Record<string, string>,
    throttleRate: ep.throttleRate,
    timeout: Math.round(ep.timeoutMs / 1000),
    batchMaxSize: ep.batchMaxSize,
    polling: ep.polling,
    batchMaxWaitMs: ep.batchMaxWaitMs,
    createdAt: ep.createdAt.toISOString(),
    updatedAt: ep.updatedAt.toISOString(),
  };
}
