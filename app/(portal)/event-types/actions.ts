"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { notFound } from "@/lib/api/errors";
import { checkExample } from "@/lib/event-types/check-example";
import { createEventType, patchEventType } from "@/lib/event-types/save-event-type";
import type { FormState } from "@/lib/portal/form-state";
import { eventTypeName } from "@/lib/schemas/common";

const text = z.string().optional().default("");

/** Creates an event type or saves one (`mode`), with its schema checked against its example. */
export const saveEventTypeAction = portalFormAction(
  {
    role: "member",
    schema: z.object({
      name: eventTypeName,
      mode: z.enum(["create", "edit"]).catch("create"),
      description: text.transform((v) => v.slice(0, 4096)),
      groupName: text.transform((v) => v.trim().slice(0, 256) || null),
      schema: text,
      example: text,
      thinPayload: text.transform((v) => v === "on"),
      deprecated: text.transform((v) => v === "on"),
    }),
  },
  async ({ member, input, form }): Promise<FormState> => {
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const checked = checkExample(input.schema, input.example);
    if ("errors" in checked) return { values, fieldErrors: checked.errors };
    const fields = {
      description: input.description,
      schemas: checked.schemas,
      thinPayload: input.thinPayload,
      deprecated: input.deprecated,
      groupName: input.groupName,
    };
    if (input.mode === "edit") {
      // Gone meanwhile (archived and expunged in another tab), or never this tenant's.
      if (!(await patchEventType(member.tenant.id, input.name, fields)))
        return { values, fieldErrors: { name: `There is no event type named ${input.name}` } };
    } else await createEventType(member.tenant.id, { name: input.name, ...fields });
    revalidatePath("/event-types");
    return { saved: true };
  },
);

export const setArchivedAction = portalAction("member", async (member, form: FormData) => {
  const changed = await patchEventType(member.tenant.id, String(form.get("name")), {
    archived: form.get("archived") === "true",
  });
  if (!changed) throw notFound("Event type");
  revalidatePath("/event-types");
});
