"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/(portal)/applications/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function CreateEndpointForm({
  appId,
  eventTypes,
  action,
}: {
  appId: string;
  eventTypes: { name: string; description: string }[];
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form key={JSON.stringify(state.values ?? null)} action={formAction} className="space-y-3">
      <input type="hidden" name="appId" value={appId} />
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field
        id="ep-url"
        name="url"
        type="url"
        label="Endpoint URL"
        placeholder="https://example.com/webhooks"
        required
        defaultValue={state.values?.url}
        error={state.fieldErrors?.url}
      />
      <Field
        id="ep-description"
        name="description"
        label="Description (optional)"
        defaultValue={state.values?.description}
        error={state.fieldErrors?.description}
      />
      <fieldset>
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Event types</legend>
        <p className="text-xs text-zinc-500">None selected: every event type.</p>
        {eventTypes.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">
            The catalogue is empty; this endpoint will receive everything.
          </p>
        ) : (
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {eventTypes.map((et) => (
              <label key={et.name} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="eventTypes" value={et.name} className="mt-1" />
                <span>
                  <span className="font-mono">{et.name}</span>
                  {et.description ? (
                    <span className="block text-xs text-zinc-500">{et.description}</span>
                  ) : null}
                </span>
              </label>
            ))}
          </div>
        )}
        {state.fieldErrors?.eventTypes ? (
          <p className="text-sm text-red-600">{state.fieldErrors.eventTypes}</p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add endpoint"}
      </Button>
    </form>
  );
}
