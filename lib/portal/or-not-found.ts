import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/errors";

/** In portal pages: a domain 404 (another tenant's id, a deleted record) becomes Next's 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}
