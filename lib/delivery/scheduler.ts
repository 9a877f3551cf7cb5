import type { Prisma } from "@/lib/generated/prisma/client";

/** A transaction handle: scheduling happens in the same transaction as the state it belongs to. */
export type Tx = Prisma.TransactionClient;

export interface ScheduledDelivery {
  deliveryId: string;
  runAt: Date;
  /** "manual" for resends asked for by a person or an API call; recorded on the attempt. */
  trigger?: "scheduled" | "manual";
}

/**
 * The seam to the job engine. lib/delivery decides *what* should run *when*; a driver in lib/jobs
 * makes it happen (graphile-worker: rows added by SQL in the same transaction, so an accepted
 * message cannot be lost; Inngest: events sent after commit, with the sweep as the safety net).
 */
export interface DeliveryScheduler {
  schedule(tx: Tx, deliveries: ScheduledDelivery[]): Promise<void>;
  /**
   * Called after the transaction committed (Inngest sends its events here). `messageId` is set
   * when the deliveries are a new message's fan-out.
   */
  afterCommit?(deliveries: ScheduledDelivery[], context?: { messageId?: string }): Promise<void>;
}
