import { z } from "zod";
import { ApiError } from "@/lib/api/errors";

const listQueryFor = (defaultOrder: "ascending" | "descending") =>
  z.object({
    limit: z.coerce.number().int().min(1).max(250).default(50),
    iterator: z.string().max(300).optional(),
    order: z.enum(["ascending", "descending"]).default(defaultOrder),
  });
// Built once: zod compiles a schema the first time it parses with it, so a schema made per
// request is compiled per request.
const listQueries = { ascending: listQueryFor("ascending"), descending: listQueryFor("descending") };

/** `limit` (1–250, default 50), `iterator`, `order`; newest first unless a list says otherwise. */
export function listQuery(defaultOrder: "ascending" | "descending" = "descending") {
  return listQueries[defaultOrder];
}
export type ListQuery = z.infer<ReturnType<typeof listQuery>>;

export interface Page<T> {
  data: T[];
  iterator: string | null;
  prevIterator: string | null;
  done: boolean;
}

/**
 * Svix-style iterator pagination over a unique, ordered key (an id or a name). `iterator` is the
 * key of the last item seen; a `prevIterator` is the first item's key prefixed with "-", which
 * pages backwards. `fetch` receives the cursor and direction and must return up to `take` rows
 * ordered in that direction.
 */
export async function paginate<T>(
  query: ListQuery,
  fetch: (args: { after?: string; before?: string; ascending: boolean; take: number }) => Promise<T[]>,
  keyOf: (row: NoInfer<T>) => string,
): Promise<Page<T>> {
  const ascending = query.order === "ascending";
  const backwards = query.iterator?.startsWith("-") ?? false;
  const cursor = backwards ? query.iterator!.slice(1) : query.iterator;
  if (cursor !== undefined && cursor.length === 0) throw new ApiError(422, "validation", "Invalid iterator");

  // Going backwards reverses the direction of the scan, then the page is put back in order.
  const scanAscending = backwards ? !ascending : ascending;
  const bound = cursor === undefined ? {} : scanAscending ? { after: cursor } : { before: cursor };
  const rows = await fetch({ ...bound, ascending: scanAscending, take: query.limit + 1 });
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();

  const first = page[0];
  const last = page[page.length - 1];
  return {
    data: page,
    iterator: last ? keyOf(last) : (cursor ?? null),
    prevIterator: first ? `-${keyOf(first)}` : null,
    done: backwards ? false : !more,
  };
}
