"use server";

import { revalidatePath } from "next/cache";
import { ApiError, notFound } from "@/lib/api/errors";
import { currentMember } from "@/lib/auth/current-member";
import { checkExample } from "@/lib/event-types/check-example";
import { createEventType, patchEventType } from "@/lib/event-types/save-event-type";
import { eventTypeName } from "@/lib/schemas/common";

export type EventTypeFormState = {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  // What was submitted, so a form with errors shows it again (React resets forms after an action).
  values?: Record<string, string>;
};

export async function saveEventTypeAction(
  _prev: EventTypeFormState,
  form: FormData,
): Promise<EventTypeFormState> {
  const member = await currentMember();
  const values = Object.fromEntries(
    ["name", "description", "groupName", "schema", "example", "thinPayload", "deprecated"].map((k) => [
      k,
      String(form.get(k) ?? ""),
    ]),
  );
  const name = eventTypeName.safeParse(form.get("name"));
  if (!name.success)
    return { values, fieldErrors: { name: name.error.issues[0]?.message ?? "Invalid name" } };
  const checked = checkExample(values.schema ?? "", values.example ?? "");
  if ("errors" in checked) return { values, fieldErrors: checked.errors };
  const fields = {
    description: String(form.get("description") ?? "").slice(0, 4096),
    schemas: checked.schemas,
    thinPayload: form.get("thinPayload") === "on",
    deprecated: form.get("deprecated") === "on",
    groupName:
      String(form.get("groupName") ?? "")
        .trim()
        .slice(0, 256) || null,
  };
  try {
    if (form.get("mode") === "edit") {
      // Gone meanwhile (archived and expunged in another tab), or never this tenant's.
      if (!(await patchEventType(member.tenant.id, name.data, fields)))
        return { values, fieldErrors: { name: `There is no event type named ${name.data}` } };
    } else await createEventType(member.tenant.id, { name: name.data, ...fields });
  } catch (error) {
    if (error instanceof ApiError && error.status < 500)
      return { values, fieldErrors: { name: error.detail } };
    throw error;
  }
  revalidatePath("/event-types");
  return { ok: true };
}

export async function setArchivedAction(form: FormData): Promise<void> {
  const member = await currentMember();
  const changed = await patchEventType(member.tenant.id, String(form.get("name")), {
    archived: form.get("archived") === "true",
  });
  if (!changed) throw notFound("Event type");
  revalidatePath("/event-types");
}
