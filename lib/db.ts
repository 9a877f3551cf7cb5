import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { utcSession } from "@/lib/db/utc-session";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one connection pool and the one Prisma client on top of it. Kept on globalThis so Next's dev
// reloads, Next's own bundle of these modules and test files share them within a process.
const shared = globalThis as unknown as { hooklinePrisma?: PrismaClient; hooklinePool?: pg.Pool };

/** The process's PostgreSQL pool (DATABASE_URL, DATABASE_POOL_SIZE), created on first use. */
export function pgPool(): pg.Pool {
  if (shared.hooklinePool) return shared.hooklinePool;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Hookline with `npm start`, which sets it.");
  const pool = new pg.Pool({
    connectionString: utcSession(url),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // A server that does not answer in time fails the query rather than hanging the request.
    connectionTimeoutMillis: 10_000,
  });
  // Idle clients whose server went away (a restart) report here; the pool drops them and connects
  // afresh on the next query, so the process heals once PostgreSQL is back.
  pool.on("error", () => undefined);
  shared.hooklinePool = pool;
  return pool;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pgPool()) });
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    shared.hooklinePrisma ??= createClient();
    const value = Reflect.get(shared.hooklinePrisma, property);
    return typeof value === "function" ? value.bind(shared.hooklinePrisma) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  const { hooklinePrisma, hooklinePool } = shared;
  shared.hooklinePrisma = undefined;
  shared.hooklinePool = undefined;
  await hooklinePrisma?.$disconnect();
  await hooklinePool?.end().catch(() => undefined);
}

export type { Prisma } from "@/lib/generated/prisma/client";
