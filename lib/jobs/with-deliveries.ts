import { db } from "@/lib/db";
import type { DeliveryRequest, Enqueue, Tx } from "@/lib/jobs/delivery-request";
import { jobDriver } from "@/lib/jobs/job-driver";

// Waiting for a pooled connection under load is normal; Prisma's 2 s default would turn a busy
// moment into an error.
const TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

/**
 * The one way to request deliveries: runs `work` in a transaction and hands it `enqueue`. Whatever
 * `work` enqueued is given to the job driver inside the same transaction (graphile-worker adds its
 * jobs there) and again after the commit (Inngest sends its events there), so neither half can be
 * forgotten. Code that is already inside such a transaction takes `enqueue` as a parameter.
 */
export async function withDeliveries<T>(work: (tx: Tx, enqueue: Enqueue) => Promise<T>): Promise<T> {
  const driver = jobDriver();
  const requests: DeliveryRequest[] = [];
  let open = true;
  const enqueue: Enqueue = (request) => {
    if (!open) throw new Error("enqueue() was called after its transaction ended");
    if (Array.isArray(request)) requests.push(...request);
    else requests.push(request as DeliveryRequest);
  };
  let result: T;
  try {
    result = await db.$transaction(async (tx) => {
      const value = await work(tx, enqueue);
      open = false;
      if (requests.length > 0) await driver.inTransaction(tx, requests);
      return value;
    }, TRANSACTION);
  } finally {
    open = false;
  }
  if (requests.length > 0) await driver.afterCommit(requests);
  return result;
}
