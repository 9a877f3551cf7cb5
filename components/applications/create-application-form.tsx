"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/portal/form-state";

export function CreateApplicationForm({
  action,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      key={JSON.stringify(state.values ?? null)}
      action={formAction}
      className="grid gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end"
    >
      {state.error ? (
        <div className="md:col-span-3">
          <Alert tone="error">{state.error}</Alert>
        </div>
      ) : null}
      <Field
        id="app-name"
        name="name"
        label="Name"
        placeholder="Acme Corp"
        required
        maxLength={256}
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <Field
        id="app-uid"
        name="uid"
        label="UID (optional)"
        placeholder="acme"
        hint="Your own id for this customer."
        defaultValue={state.values?.uid}
        error={state.fieldErrors?.uid}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create application"}
      </Button>
    </form>
  );
}
