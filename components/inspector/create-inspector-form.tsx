"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/portal/form-state";

const STATUSES: [string, string][] = [
  ["200", "200 OK"],
  ["204", "204 No Content"],
  ["400", "400 Bad Request"],
  ["410", "410 Gone (disables the endpoint)"],
  ["429", "429 Too Many Requests"],
  ["500", "500 Internal Server Error"],
  ["503", "503 Service Unavailable"],
];

/** A new inspector: a name and the status it answers with (to watch retries, answer 5xx). */
export function CreateInspectorForm({
  action,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <Field
          id="inspector-name"
          name="name"
          label="Name (optional)"
          placeholder="Trying invoice events"
          maxLength={256}
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
        />
      </div>
      <Select
        id="inspector-status"
        name="responseStatus"
        label="Answer with"
        defaultValue={state.values?.responseStatus ?? "200"}
        options={STATUSES}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create inspector"}
      </Button>
      {state.error ? (
        <div className="basis-full">
          <Alert tone="error">{state.error}</Alert>
        </div>
      ) : null}
    </form>
  );
}
