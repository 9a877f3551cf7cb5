"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import type { FormState } from "@/lib/portal/form-state";

/** The team's name, how long payloads are kept, and whether deliveries carry Svix's header names. */
export function TeamSettingsForm({
  action,
  initial,
  readOnly,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  readOnly: boolean;
}) {
  const { state, formAction, pending, values: v, errors: e, formKey } = useForm(action, initial);
  return (
    <form key={formKey} action={formAction} className="grid max-w-xl gap-4">
      <FormStatus state={state} />
      {readOnly ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Only owners and admins can change these settings.
        </p>
      ) : null}
      <Field
        id="team-name"
        name="name"
        label="Team name"
        defaultValue={v.name}
        error={e.name}
        disabled={readOnly}
      />
      <Field
        id="team-retention"
        name="retentionDays"
        type="number"
        min={1}
        max={90}
        label="Keep payloads for (days)"
        hint="Payloads and response bodies older than this are removed every hour; the log itself stays. A message's own payloadRetentionPeriod/Hours wins."
        defaultValue={v.retentionDays}
        error={e.retentionDays}
        disabled={readOnly}
      />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="svixHeaders"
          defaultChecked={v.svixHeaders === "on"}
          disabled={readOnly}
          className="mt-1"
        />
        <span>
          Also send <code>svix-id</code>, <code>svix-timestamp</code> and <code>svix-signature</code>
          <span className="block text-zinc-500 dark:text-zinc-400">
            The same values as the Standard Webhooks headers, under Svix&apos;s names, for receivers written
            against Svix that read them by hand. Svix&apos;s libraries read either.
          </span>
        </span>
      </label>
      {readOnly ? null : (
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save settings"}
          </Button>
        </div>
      )}
    </form>
  );
}
