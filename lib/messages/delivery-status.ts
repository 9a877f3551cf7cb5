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

/** A delivery's state in a word or three, telling a first try from a retry. */
export function deliveryLabel(d: { status: DeliveryStatus; attemptCount: number }): string {
  switch (d.status) {
    case "pending":
      return d.attemptCount === 0 ? "pending, first try" : `pending, retry ${d.attemptCount}`;
    case "failed":
      return `failed after ${d.attemptCount} ${d.attemptCount === 1 ? "try" : "tries"}`;
    default:
      return d.status;
  }
}

/** What each state means, for the legend under delivery lists. */
export const DELIVERY_STATUS_MEANINGS: [DeliveryStatus, string][] = [
  ["pending", "waiting for its first try, or (retry n) for its next retry after n failed tries"],
  ["sending", "an attempt is in flight now"],
  ["succeeded", "the endpoint answered 2xx"],
  ["failed", "every retry failed: it is in the dead-letter queue, ready to resend or recover"],
  ["parked", "held because the endpoint is disabled: enable it, then recover its messages"],
  ["canceled", "the endpoint's transformation chose not to send it"],
];
