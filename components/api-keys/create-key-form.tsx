"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import type { KeyState } from "@/lib/api-keys/key-state";

export function CreateKeyForm({ action }: { action: (prev: KeyState, form: FormData) => Promise<KeyState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field
            id="key-name"
            name="name"
            label="Key name"
            placeholder="Production backend"
            required
            maxLength={100}
            error={state.error}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {state.key ? (
        <Alert tone="success">
          <p className="font-medium">Key “{state.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="new-api-key"
              className="break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-950"
            >
              {state.key}
            </code>
            <CopyButton value={state.key} />
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
