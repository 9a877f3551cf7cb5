"use client";

import { useActionState, useEffect, useState } from "react";
import type { RecoverState } from "@/app/(portal)/dead-letter/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { Select } from "@/components/ui/select";

type Progress = { waiting: number; succeeded: number; failed: number };

/** Recovers an endpoint's failed messages since a time (in the viewer's zone), then shows progress. */
export function RecoverForm({
  endpoints,
  action,
  progress,
}: {
  endpoints: { id: string; url: string; applicationId: string; application: { name: string } }[];
  action: (prev: RecoverState, form: FormData) => Promise<RecoverState>;
  progress: (appId: string, endpointId: string, since: string) => Promise<Progress>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [seen, setSeen] = useState<Progress | null>(null);
  useEffect(() => {
    setSeen(null);
    if (!state.recovered || !state.appId || !state.endpointId || !state.since) return;
    const { appId, endpointId, since } = state;
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const p = await progress(appId, endpointId, since).catch(() => null);
        if (stop) return;
        if (p) setSeen(p);
        if (p && p.waiting === 0) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [state, progress]);
  const done = state.recovered ? Math.max(0, state.recovered - (seen?.waiting ?? state.recovered)) : 0;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="max-w-md">
        <Select
          id="recover-endpoint"
          name="endpoint"
          label="Endpoint"
          required
          options={endpoints.map((ep): [string, string] => [
            `${ep.applicationId}:${ep.id}`,
            `${ep.application.name} — ${ep.url}`,
          ])}
        />
      </div>
      <LocalDateTimeInput id="recover-since" name="since" label="Messages since" />
      <Button type="submit" disabled={pending || endpoints.length === 0}>
        {pending ? "Recovering…" : "Recover"}
      </Button>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.recovered !== undefined ? (
        <div className="w-full space-y-2">
          <Alert tone="success">
            {state.recovered === 0
              ? "Nothing to recover in that window."
              : `Recovering ${state.recovered} deliveries: ${done} sent again so far${seen ? ` (${seen.failed} still failing)` : ""}.`}
          </Alert>
          {state.recovered > 0 ? (
            <progress className="w-full" max={state.recovered} value={done} aria-label="Recovery progress" />
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
