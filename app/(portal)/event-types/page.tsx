import Link from "next/link";
import { saveEventTypeAction, setArchivedAction } from "@/app/(portal)/event-types/actions";
import { EventTypeForm } from "@/components/event-types/event-type-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { searchParam } from "@/lib/portal/search-param";

export const metadata = { title: "Event types" };

function split(schemas: unknown): { schema: string; example: string } {
  const v1 = (schemas as Record<string, Record<string, unknown>> | null)?.["1"];
  if (!v1) return { schema: "", example: "" };
  const { examples, ...schema } = v1 as { examples?: unknown[] };
  return {
    schema: Object.keys(schema).length ? JSON.stringify(schema, null, 2) : "",
    example: examples?.[0] ? JSON.stringify(examples[0], null, 2) : "",
  };
}

const flag = "ml-1 rounded px-1.5 py-0.5 text-xs";

/**
 * The catalogue as a list (search, flags), with one editor open at a time (`?edit=<name>`) and
 * the new-type form folded away once the catalogue has entries.
 */
export default async function EventTypesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await currentMember();
  const query = await searchParams;
  const q = searchParam(query.q);
  const editing = searchParam(query.edit);
  const eventTypes = await db.eventType.findMany({
    where: {
      tenantId: member.tenant.id,
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { description: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ archived: "asc" }, { name: "asc" }],
    take: 500,
    select: {
      name: true,
      description: true,
      schemas: true,
      archived: true,
      thinPayload: true,
      deprecated: true,
      groupName: true,
    },
  });
  const open = eventTypes.find((et) => et.name === editing);
  const empty = eventTypes.length === 0 && !q;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Event types</h1>
      <details
        open={empty}
        className="rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <summary className="cursor-pointer py-1 text-base font-semibold">New event type</summary>
        <div className="mt-4">
          <EventTypeForm action={saveEventTypeAction} />
        </div>
      </details>
      {open ? (
        <Card
          title={`Edit ${open.name}${open.archived ? " (archived)" : ""}`}
          actions={
            <span className="flex items-center gap-3">
              <form action={setArchivedAction}>
                <input type="hidden" name="name" value={open.name} />
                <input type="hidden" name="archived" value={open.archived ? "false" : "true"} />
                <Button type="submit" variant="secondary">
                  {open.archived ? "Unarchive" : "Archive"}
                </Button>
              </form>
              <Link
                href={`/event-types${q ? `?q=${encodeURIComponent(q)}` : ""}`}
                className="text-sm text-brand-600 underline dark:text-brand-300"
              >
                Close
              </Link>
            </span>
          }
        >
          <EventTypeForm
            key={open.name}
            action={saveEventTypeAction}
            initial={{
              name: open.name,
              description: open.description,
              groupName: open.groupName ?? "",
              thinPayload: open.thinPayload,
              deprecated: open.deprecated,
              ...split(open.schemas),
            }}
          />
        </Card>
      ) : null}
      <Card
        title={`Catalogue (${eventTypes.length}${eventTypes.length === 500 ? "+" : ""})`}
        actions={
          <form className="flex gap-2" aria-label="Search the catalogue">
            <label htmlFor="et-search" className="sr-only">
              Search event types
            </label>
            <input
              id="et-search"
              type="search"
              name="q"
              defaultValue={q ?? ""}
              placeholder="Search event types"
              className="min-w-0 rounded-md border border-zinc-300 px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </form>
        }
      >
        {eventTypes.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {q
              ? "No event type matches."
              : "The catalogue is empty. Endpoints can still receive every event."}
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="event-types">
              <thead className="text-xs uppercase text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th className="py-2 pr-3">Name</th>
                  <th className="py-2 pr-3">Group</th>
                  <th className="py-2 pr-3">Description</th>
                  <th className="py-2">
                    <span className="sr-only">Edit</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {eventTypes.map((et) => (
                  <tr
                    key={et.name}
                    aria-current={et.name === editing ? "true" : undefined}
                    className={et.name === editing ? "bg-brand-50 dark:bg-zinc-800" : ""}
                  >
                    <td className="py-2 pr-3">
                      <span
                        className={`font-mono ${et.archived ? "text-zinc-600 line-through dark:text-zinc-400" : ""}`}
                      >
                        {et.name}
                      </span>
                      {et.archived ? (
                        <span className={`${flag} bg-zinc-100 dark:bg-zinc-800`}>archived</span>
                      ) : null}
                      {et.deprecated ? (
                        <span
                          className={`${flag} bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200`}
                        >
                          deprecated
                        </span>
                      ) : null}
                      {et.thinPayload ? (
                        <span
                          className={`${flag} bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200`}
                        >
                          thin
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3">{et.groupName || et.name.split(".")[0]}</td>
                    <td className="py-2 pr-3 text-zinc-700 dark:text-zinc-300">{et.description}</td>
                    <td className="py-2 text-right">
                      <Link
                        href={`/event-types?${new URLSearchParams({ ...(q ? { q } : {}), edit: et.name })}`}
                        aria-label={`Edit ${et.name}`}
                        className="text-brand-600 underline dark:text-brand-300"
                      >
                        Edit
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
