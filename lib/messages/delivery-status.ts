import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

// Svix's MessageStatus numbers. A parked delivery (endpoint disabled) reports as failed to the
// SDK, and as "parked" in Hookline's own `hooklineStatus` field.
const CODES: Record<DeliveryStatus, { status: number; statusText: string }> = {
  succeeded: { status: 0, statusText: "success" },
  pending: { status: 1, statusText: "pending" },
  failed: { status: 2, statusText: "fail" },
  sending: { status: 3, statusText: "sending" },
  parked: { status: 2, statusText: "fail" },
  canceled: { status: 4, statusText: "canceled" },
};

export function svixStatus(status: DeliveryStatus) {
  return { ...CODES[status], hooklineStatus: status };
}

/** Svix status number → our delivery statuses. */
export function deliveryStatusesFor(code: number): DeliveryStatus[] {
  return (Object.keys(CODES) as DeliveryStatus[]).filter((s) => CODES[s].status === code);
}
