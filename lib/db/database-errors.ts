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
