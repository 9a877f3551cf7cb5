import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { sqlState } from "@/lib/db/database-errors";

/**
 * In portal pages: a domain 404 (another tenant's id, a deleted record) becomes Next's 404 page,
 * and so does an id PostgreSQL cannot even compare (U+0000 in the URL: SQLSTATE 22021).
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error instanceof ApiError && error.status === 404) || sqlState(error) === "22021") notFound();
    throw error;
  }
}
