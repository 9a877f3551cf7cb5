"use client";

import { useActionState } from "react";
import type { RecoverState } from "@/app/(portal)/dead-letter/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function RecoverForm({
  endpoints,
  action,
}: {
  endpoints: { id: string; url: string; applicationId: string; application: { name: string } }[];
  action: (prev: RecoverState, form: FormData) => Promise<RecoverState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block font-medium">Endpoint</span>
        <select
          name="endpoint"
          required
          className="mt-1 max-w-md rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        >
          {endpoints.map((ep) => (
            <option key={ep.id} value={`${ep.applicationId}:${ep.id}`}>
              {ep.application.name} — {ep.url}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Messages since</span>
        <input
          type="datetime-local"
          name="since"
          required
          className="mt-1 rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <Button type="submit" disabled={pending || endpoints.length === 0}>
        {pending ? "Recovering… (large recoveries take a while)" : "Recover"}
      </Button>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.recovered !== undefined ? (
        <Alert tone="success">Recovering {state.recovered} deliveries: they are being sent again.</Alert>
      ) : null}
    </form>
  );
}
