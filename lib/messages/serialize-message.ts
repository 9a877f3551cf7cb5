import type { MessageOut } from "@/lib/schemas/message";

export const messageSelect = {
  id: true,
  eventType: true,
  eventId: true,
  payload: true,
  channels: true,
  tags: true,
  createdAt: true,
  deliverAt: true,
  expungedAt: true,
} as const;

export function serializeMessage(
  m: {
    id: string;
    eventType: string;
    eventId: string | null;
    payload: unknown;
    channels: string[];
    tags: string[];
    createdAt: Date;
    deliverAt?: Date | null;
    expungedAt: Date | null;
  },
  withContent = true,
): MessageOut {
  return {
    id: m.id,
    eventType: m.eventType,
    eventId: m.eventId,
    payload: withContent ? (m.payload ?? {}) : {},
    channels: m.channels.length ? m.channels : null,
    tags: m.tags.length ? m.tags : null,
    timestamp: m.createdAt.toISOString(),
    deliverAt: m.deliverAt ? m.deliverAt.toISOString() : null,
    // Hookline: content removed by retention or on request (`payload` is then {}).
    ...(m.expungedAt ? { expunged: true, expungedAt: m.expungedAt.toISOString() } : {}),
  };
}
