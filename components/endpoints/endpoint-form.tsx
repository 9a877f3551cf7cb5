"use client";

import { useRef, useState } from "react";
import { EventTypePicker } from "@/components/endpoints/event-type-picker";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { useForm } from "@/components/ui/use-form";
import type { CatalogueEntry } from "@/lib/event-types/event-type-catalogue";
import type { FormState } from "@/lib/portal/form-state";

/**
 * Creates or edits an endpoint, in the portal and in the widget alike (each passes its own
 * server action). `initial` holds the saved endpoint's values when editing.
 */
export function EndpointForm({
  action,
  eventTypes,
  initial,
  submitLabel,
  newInspectorUrl,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  eventTypes: CatalogueEntry[];
  initial?: Record<string, string>;
  submitLabel: string;
  /** Offers "Use a new inspector URL" (portal, new endpoints): makes an inspector, fills in its URL. */
  newInspectorUrl?: () => Promise<{ url?: string; error?: string }>;
}) {
  const { state, formAction, pending, values: v, errors, formKey } = useForm(action, initial);
  const urlInput = useRef<HTMLInputElement>(null);
  const [inspector, setInspector] = useState<{ url?: string; error?: string } | "making" | null>(null);
  const selected = new Set((v.eventTypes ?? "").split(",").filter(Boolean));
  const id = initial ? "ep-edit" : "ep-new";
  return (
    <form key={formKey} action={formAction} className="space-y-4">
      <FormStatus state={state} />
      <Field
        id={`${id}-url`}
        name="url"
        type="url"
        label="Endpoint URL"
        placeholder="https://example.com/webhooks"
        required
        defaultValue={v.url}
        error={errors.url}
        ref={urlInput}
      />
      {newInspectorUrl ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Button
            type="button"
            variant="ghost"
            disabled={inspector === "making"}
            onClick={async () => {
              setInspector("making");
              const made: { url?: string; error?: string } = await newInspectorUrl().catch(() => ({
                error: "Could not create an inspector",
              }));
              if (made.url && urlInput.current) urlInput.current.value = made.url;
              setInspector(made);
            }}
          >
            {inspector === "making" ? "Creating an inspector…" : "Use a new inspector URL"}
          </Button>
          {inspector && inspector !== "making" ? (
            <span role="status" className="text-zinc-600 dark:text-zinc-400">
              {inspector.error ?? "Filled in: what this endpoint receives will show under Inspector."}
            </span>
          ) : null}
        </div>
      ) : null}
      <Field
        id={`${id}-description`}
        name="description"
        label="Description (optional)"
        defaultValue={v.description}
        error={errors.description}
      />
      <fieldset>
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Event types</legend>
        {eventTypes.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            The catalogue is empty; this endpoint receives everything.
          </p>
        ) : (
          <EventTypePicker eventTypes={eventTypes} initial={selected} />
        )}
        {errors.eventTypes ? (
          <p className="text-sm text-red-700 dark:text-red-400">{errors.eventTypes}</p>
        ) : null}
      </fieldset>
      <details
        className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
        open={hasAdvanced(v, errors)}
      >
        <summary className="cursor-pointer text-sm font-medium">
          Channels, headers, timeout, rate limit
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field
            id={`${id}-channels`}
            name="channels"
            label="Channels"
            hint="Only messages on these channels (comma separated); empty: all."
            defaultValue={v.channels}
            error={errors.channels}
          />
          <Field
            id={`${id}-timeout`}
            name="timeout"
            type="number"
            min={1}
            max={60}
            label="Timeout (seconds)"
            defaultValue={v.timeout ?? "15"}
            error={errors.timeout}
          />
          <Field
            id={`${id}-rate`}
            name="throttleRate"
            type="number"
            min={1}
            label="Rate limit (messages per second)"
            hint="Empty: no limit."
            defaultValue={v.throttleRate}
            error={errors.throttleRate}
          />
          <TextArea
            id={`${id}-headers`}
            name="headers"
            rows={3}
            label="Custom headers"
            hint='One per line, "Name: value". Values of secret-looking headers stay hidden.'
            defaultValue={v.headers}
            error={errors.headers}
          />
        </div>
      </details>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}

function hasAdvanced(v: Record<string, string>, errors: Record<string, string>): boolean {
  return Boolean(
    errors.channels ||
      errors.timeout ||
      errors.throttleRate ||
      errors.headers ||
      v.channels ||
      v.headers ||
      v.throttleRate,
  );
}
