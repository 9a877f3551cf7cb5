"use client";

import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { Select } from "@/components/ui/select";
import type { RecoveryStatus as RecoveryProgress } from "@/lib/messages/recovery-progress";
import type { RecoverState } from "@/lib/schemas/recover-form";

/**
 * Recovers an endpoint's failed messages since a time (in the viewer's zone) as a background task,
 * then follows it: how many deliveries it queued, and how many of them got through.
 */
export function RecoverForm({
  endpoints,
  fixed,
  since,
  submitLabel = "Recover",
  action,
  progress,
}: {
  /** The endpoints to choose from (the dead-letter page) … */
  endpoints?: { id: string; url: string; applicationId: string; application: { name: string } }[];
  /** … or the one endpoint this form recovers (an endpoint's page, portal or widget). */
  fixed?: { applicationId: string; endpointId: string };
  /** A start chosen already (the oldest parked message): no date to pick, one button. */
  since?: Date;
  submitLabel?: string;
  action: (prev: RecoverState, form: FormData) => Promise<RecoverState>;
  progress: (taskId: string, appId: string, endpointId: string, since: string) => Promise<RecoveryProgress>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const problem = state.error ?? state.fieldErrors?.endpoint ?? state.fieldErrors?.since;
  const [seen, setSeen] = useState<RecoveryProgress | null>(null);
  useEffect(() => {
    setSeen(null);
    if (!state.taskId || !state.appId || !state.endpointId || !state.since) return;
    const { taskId, appId, endpointId, since } = state;
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const p = await progress(taskId, appId, endpointId, since).catch(() => null);
        if (stop) return;
        if (p) setSeen(p);
        if (p && (p.status === "failed" || (p.status === "finished" && p.waiting === 0))) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [state, progress]);
  const recovered = seen?.recovered ?? 0;
  const done = Math.max(0, recovered - (seen?.waiting ?? recovered));
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      {fixed ? (
        <input type="hidden" name="endpoint" value={`${fixed.applicationId}:${fixed.endpointId}`} />
      ) : (
        <div className="w-full max-w-md">
          <Select
            id="recover-endpoint"
            name="endpoint"
            label="Endpoint"
            required
            defaultValue=""
            options={[
              // No endpoint chosen for you: recovering the wrong one sends messages again.
              ["", "Choose an endpoint…"],
              ...(endpoints ?? []).map((ep): [string, string] => [
                `${ep.applicationId}:${ep.id}`,
                `${ep.application.name} — ${ep.url}`,
              ]),
            ]}
          />
        </div>
      )}
      {since ? (
        <input type="hidden" name="since" value={since.toISOString()} />
      ) : (
        <LocalDateTimeInput id="recover-since" name="since" label="Failed messages since" />
      )}
      <Button type="submit" disabled={pending || (!fixed && (endpoints ?? []).length === 0)}>
        {pending ? "Starting…" : submitLabel}
      </Button>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {state.taskId ? (
        <div className="w-full space-y-2" data-testid="recovery-status">
          {!seen || seen.status === "running" ? (
            <Alert tone="info">
              Recovery {state.taskId} is running: {recovered} deliveries queued so far.
            </Alert>
          ) : seen.status === "failed" ? (
            <Alert tone="error">The recovery failed: {seen.error ?? "unknown error"}.</Alert>
          ) : recovered === 0 ? (
            <Alert tone="success">Nothing to recover in that window.</Alert>
          ) : (
            <Alert tone="success">
              Recovering {recovered} deliveries: {done} sent again so far ({seen.failed} still failing).
            </Alert>
          )}
          {recovered > 0 ? (
            <progress className="w-full" max={recovered} value={done} aria-label="Recovery progress" />
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
