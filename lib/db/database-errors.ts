import { Prisma } from "@/lib/generated/prisma/client";

/** PostgreSQL's own error code (SQLSTATE), from pg or from Prisma, which wraps it in several ways. */
export function sqlState(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return "23505";
    const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined)
      ?.cause;
    if (typeof cause?.originalCode === "string") return cause.originalCode;
    return /Code: `([0-9A-Z]{5})`/.exec(error.message)?.[1];
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A unique constraint refused the write (23505): the caller maps it to a 409. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

// Prisma's codes for "cannot reach / lost the server / no connection in time", and PostgreSQL's
// connection-exception class (08…), shutdowns (57P01–57P03) and Node's socket errors.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "EPIPE"]);

/** PostgreSQL cannot be reached right now (restart, outage): a 503, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA.has(error.code))
    return true;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const state = sqlState(error);
  if (state && (state.startsWith("08") || /^57P0[123]$/.test(state))) return true;
  const message = error instanceof Error ? error.message : "";
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (typeof code === "string" && UNAVAILABLE_CODES.has(code)) ||
    /Can.t reach database server|Connection terminated|timeout exceeded when trying to connect|terminating connection|not queryable/i.test(
      message,
    )
  );
}
