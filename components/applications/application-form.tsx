"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { useForm } from "@/components/ui/use-form";
import type { FormState } from "@/lib/portal/form-state";

/** Edits an application's name, uid, metadata and default rate limit. */
export function ApplicationForm({
  action,
  initial,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
}) {
  const { state, formAction, pending, values: v, errors: e, formKey } = useForm(action, initial);
  return (
    <form key={formKey} action={formAction} className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <FormStatus state={state} />
      </div>
      <Field
        id="app-edit-name"
        name="name"
        label="Name"
        required
        maxLength={256}
        defaultValue={v.name}
        error={e.name}
      />
      <Field
        id="app-edit-uid"
        name="uid"
        label="UID"
        hint="Empty: none."
        defaultValue={v.uid}
        error={e.uid}
      />
      <TextArea
        id="app-edit-metadata"
        name="metadata"
        rows={3}
        label="Metadata"
        hint='One "key=value" per line.'
        defaultValue={v.metadata}
        error={e.metadata}
      />
      <Field
        id="app-edit-rate"
        name="throttleRate"
        type="number"
        min={1}
        label="Default rate limit (messages per second per endpoint)"
        hint="Endpoints without their own limit use this. Empty: no limit."
        defaultValue={v.throttleRate}
        error={e.throttleRate}
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save application"}
        </Button>
      </div>
    </form>
  );
}
