"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { InviteState } from "@/lib/team/invite-state";

/** Invites by email; the link is shown to copy and hand over (no mail server needed). */
export function InviteForm({
  action,
  roles,
}: {
  action: (prev: InviteState, form: FormData) => Promise<InviteState>;
  roles: string[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-3">
      <form
        key={JSON.stringify(state.values ?? null)}
        action={formAction}
        className="grid items-end gap-3 sm:grid-cols-[1fr_auto_auto]"
      >
        <Field
          id="invite-email"
          name="email"
          type="email"
          label="Email"
          required
          defaultValue={state.values?.email}
          error={state.fieldErrors?.email}
        />
        <Select
          id="invite-role"
          name="role"
          label="Role"
          defaultValue={state.values?.role ?? "member"}
          options={roles.map((r): [string, string] => [r, r])}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Create invitation link"}
        </Button>
      </form>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.url ? (
        <Alert tone="success">
          <p>Send this link to {state.email}. It works once and expires in 7 days; it is not shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="invite-url"
              className="break-all rounded bg-white px-2 py-1 text-xs dark:bg-zinc-900"
            >
              {state.url}
            </code>
            <CopyButton value={state.url} />
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
