import type pg from "pg";
import { db, pgPool } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import type { DeliveryRequest, Enqueue, RunSql, Tx } from "@/lib/jobs/delivery-request";
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
  return requestingDeliveries(async (inTransaction) =>
    db.$transaction((tx) => inTransaction(prismaSql(tx), (enqueue) => work(tx, enqueue)), TRANSACTION),
  );
}

/**
 * `withDeliveries` for the hot paths that speak SQL to a pg client directly (prepared statements,
 * group commit): BEGIN, `work`, the driver's in-transaction half, COMMIT, its after-commit half.
 */
export async function withDeliveriesSql<T>(
  work: (client: pg.PoolClient, sql: RunSql, enqueue: Enqueue) => Promise<T>,
): Promise<T> {
  return requestingDeliveries(async (inTransaction) => {
    const client = await pgPool().connect();
    // A checked-out client whose server goes away between two statements reports it as an
    // 'error' event (uncaught, it would end the process); the next statement fails instead.
    const ignore = () => undefined;
    client.on("error", ignore);
    try {
      await client.query("BEGIN");
      const sql: RunSql = async (text, values, name) => (await client.query({ name, text, values })).rows;
      const value = await inTransaction(sql, (enqueue) => work(client, sql, enqueue));
      await client.query("COMMIT");
      client.off("error", ignore);
      client.release();
      return value;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      client.off("error", ignore);
      // A broken connection is closed, not handed back to the pool.
      client.release(isDatabaseUnavailable(error) ? (error as Error) : undefined);
      throw error;
    }
  });
}

/** Both halves of the driver around a transaction that `run` opens and commits. */
async function requestingDeliveries<T>(
  run: (inTransaction: (sql: RunSql, work: (enqueue: Enqueue) => Promise<T>) => Promise<T>) => Promise<T>,
): Promise<T> {
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
    result = await run(async (sql, work) => {
      const value = await work(enqueue);
      open = false;
      if (requests.length > 0) await driver.inTransaction(sql, requests);
      return value;
    });
  } finally {
    open = false;
  }
  if (requests.length > 0) await driver.afterCommit(requests);
  return result;
}

/** Prisma's transaction as a RunSql. */
export function prismaSql(tx: Tx): RunSql {
  return async (text, values) => tx.$queryRawUnsafe(text, ...values);
}
