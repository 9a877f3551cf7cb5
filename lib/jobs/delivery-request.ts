import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A transaction handle: deliveries are requested in the same transaction as the rows they are for. */
export type Tx = Prisma.TransactionClient;

/**
 * One SQL statement in the caller's transaction, with positional parameters; the rows it returns.
 * What a driver needs of a transaction, whether Prisma's or a pg client's. A `name` prepares the
 * statement once per connection where the client can (pg; Prisma ignores it).
 */
export type RunSql = <R = Record<string, unknown>>(
  text: string,
  values: unknown[],
  name?: string,
) => Promise<R[]>;

/** "manual" for resends asked for by a person or an API call; recorded on the attempt. */
export const deliveryTrigger = z.enum(["scheduled", "manual"]);
export type DeliveryTrigger = z.infer<typeof deliveryTrigger>;

/** One delivery that should be attempted at `runAt`. */
export interface DeliveryRequest {
  deliveryId: string;
  endpointId: string;
  runAt: Date;
  trigger?: DeliveryTrigger;
  /**
   * The delivery being attempted right now comes back at `runAt` (a retry, a rate-limit slot, a
   * filling batch). A driver that keeps driving the delivery itself (Inngest sleeps until then)
   * has nothing to add; graphile-worker adds the job.
   */
  continuation?: boolean;
}

/** Requests deliveries in the caller's transaction; the driver acts on them when it commits. */
export type Enqueue = (requests: DeliveryRequest | readonly DeliveryRequest[]) => void;

/**
 * A job engine's two halves. Domain code never calls these: `withDeliveries` runs both, always.
 * graphile-worker adds its jobs inside the transaction (they exist exactly when the deliveries
 * do); Inngest cannot join the transaction, so it sends events after the commit, and the delivery
 * rows are the outbox that the sweep reads if that send is lost.
 */
export interface JobDriver {
  readonly name: "graphile" | "inngest";
  inTransaction(sql: RunSql, requests: readonly DeliveryRequest[]): Promise<void>;
  /** Must not throw: the transaction has committed, so the deliveries exist whatever happens here. */
  afterCommit(requests: readonly DeliveryRequest[]): Promise<void>;
  /**
   * Asks for a step of each background task (lib/tasks), after its row is committed. May throw;
   * the task rows are the outbox: the sweep requests a running task that has not moved for a minute.
   */
  requestTasks(taskIds: readonly string[]): Promise<void>;
}
