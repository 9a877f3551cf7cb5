"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import type { FormState } from "@/lib/portal/form-state";

/** A URL and the operational events it wants (none ticked: all of them). */
export function OperationalEndpointForm({
  action,
  eventTypes,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  eventTypes: string[];
}) {
  const { state, formAction, pending, values: v, errors: e, formKey } = useForm(action, { url: "" });
  return (
    <form key={formKey} action={formAction} className="grid max-w-xl gap-4">
      <FormStatus state={state} />
      <Field
        id="ops-url"
        name="url"
        label="Endpoint URL"
        placeholder="https://ops.example.com/hookline"
        defaultValue={v.url}
        error={e.url}
        required
      />
      <fieldset>
        <legend className="text-sm font-medium">Events</legend>
        <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">None ticked: every operational event.</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {eventTypes.map((name) => (
            <label key={name} className="flex items-center gap-2 font-mono text-sm">
              <input type="checkbox" name="eventTypes" value={name} />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}
