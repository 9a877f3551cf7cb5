import { saveEventTypeAction, setArchivedAction } from "@/app/(portal)/event-types/actions";
import { EventTypeForm } from "@/components/event-types/event-type-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";

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

export default async function EventTypesPage() {
  const member = await currentMember();
  const eventTypes = await db.eventType.findMany({
    where: { tenantId: member.tenant.id },
    orderBy: [{ archived: "asc" }, { name: "asc" }],
    select: { name: true, description: true, schemas: true, archived: true, thinPayload: true },
  });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Event types</h1>
      <Card title="New event type">
        <EventTypeForm action={saveEventTypeAction} />
      </Card>
      {eventTypes.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          The catalogue is empty. Endpoints can still receive every event.
        </p>
      ) : (
        eventTypes.map((et) => (
          <Card
            key={et.name}
            title={`${et.name}${et.archived ? " (archived)" : ""}`}
            actions={
              <form action={setArchivedAction}>
                <input type="hidden" name="name" value={et.name} />
                <input type="hidden" name="archived" value={et.archived ? "false" : "true"} />
                <Button type="submit" variant="secondary">
                  {et.archived ? "Unarchive" : "Archive"}
                </Button>
              </form>
            }
          >
            <EventTypeForm
              action={saveEventTypeAction}
              initial={{
                name: et.name,
                description: et.description,
                thinPayload: et.thinPayload,
                ...split(et.schemas),
              }}
            />
          </Card>
        ))
      )}
    </div>
  );
}
