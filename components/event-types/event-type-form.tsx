"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/portal/form-state";

const textarea =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900";

export function EventTypeForm({
  action,
  initial,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial?: {
    name: string;
    description: string;
    groupName: string;
    schema: string;
    example: string;
    thinPayload: boolean;
    deprecated: boolean;
  };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = initial ? `et-${initial.name}` : "et-new";
  const v = state.values;
  return (
    // Re-mounted per result so the inputs take the submitted values back after an error.
    <form key={JSON.stringify(v ?? null)} action={formAction} className="space-y-3">
      <input type="hidden" name="mode" value={initial ? "edit" : "create"} />
      {state.saved ? <Alert tone="success">Saved.</Alert> : null}
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {initial ? (
        <input type="hidden" name="name" value={initial.name} />
      ) : (
        <Field
          id={`${id}-name`}
          name="name"
          label="Event type name"
          placeholder="invoice.paid"
          required
          defaultValue={v?.name}
          error={state.fieldErrors?.name}
        />
      )}
      <Field
        id={`${id}-description`}
        name="description"
        label="Description"
        defaultValue={v?.description ?? initial?.description}
      />
      <Field
        id={`${id}-group`}
        name="groupName"
        label="Group (optional)"
        hint="Groups event types in pickers; empty: the name's first part."
        defaultValue={v?.groupName ?? initial?.groupName}
      />
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-schema`} className="text-sm font-medium">
            JSON schema (optional)
          </label>
          <textarea
            id={`${id}-schema`}
            name="schema"
            rows={6}
            className={textarea}
            defaultValue={v?.schema ?? initial?.schema}
            aria-describedby={`${id}-schema-error`}
          />
          {state.fieldErrors?.schema ? (
            <p id={`${id}-schema-error`} className="text-sm text-red-700 dark:text-red-400">
              {state.fieldErrors.schema}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-example`} className="text-sm font-medium">
            Example payload (optional)
          </label>
          <textarea
            id={`${id}-example`}
            name="example"
            rows={6}
            className={textarea}
            defaultValue={v?.example ?? initial?.example}
            aria-describedby={`${id}-example-error`}
          />
          {state.fieldErrors?.example ? (
            <p id={`${id}-example-error`} className="text-sm text-red-700 dark:text-red-400">
              {state.fieldErrors.example}
            </p>
          ) : null}
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="thinPayload"
          defaultChecked={v ? v.thinPayload === "on" : initial?.thinPayload}
        />
        Thin payloads: deliver a reference to re-fetch instead of the content
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="deprecated"
          defaultChecked={v ? v.deprecated === "on" : initial?.deprecated}
        />
        Deprecated: still sent, flagged in pickers as on its way out
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : initial ? "Save" : "Add event type"}
      </Button>
    </form>
  );
}
