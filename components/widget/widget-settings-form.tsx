"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import type { FormState } from "@/lib/portal/form-state";

/** The tenant's widget settings: allowed framing origins and the theme. */
export function WidgetSettingsForm({
  action,
  initial,
  readOnly,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  readOnly: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const e = state.fieldErrors ?? {};
  return (
    <form
      key={JSON.stringify(state.values ?? null)}
      action={formAction}
      className="grid gap-4 md:grid-cols-2"
    >
      {state.error || state.saved ? (
        <div className="md:col-span-2">
          {state.error ? <Alert tone="error">{state.error}</Alert> : <Alert tone="success">Saved.</Alert>}
        </div>
      ) : null}
      <div className="md:col-span-2">
        <TextArea
          id="widget-origins"
          name="allowedOrigins"
          rows={3}
          label="Sites allowed to embed the widget"
          hint="One origin per line, e.g. https://app.example.com. Any other site cannot frame it."
          defaultValue={v.allowedOrigins}
          error={e.allowedOrigins}
          disabled={readOnly}
        />
      </div>
      <Field
        id="widget-color"
        name="primaryColor"
        label="Primary colour"
        placeholder="#4f46e5"
        hint="A hex colour for buttons and links."
        defaultValue={v.primaryColor}
        error={e.primaryColor}
        disabled={readOnly}
      />
      <div className="space-y-1">
        <label htmlFor="widget-mode" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
          Light or dark
        </label>
        <select
          id="widget-mode"
          name="mode"
          defaultValue={v.mode || "light"}
          disabled={readOnly}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="light">Light</option>
          <option value="dark">Dark</option>
          <option value="system">Follow the viewer's system</option>
        </select>
      </div>
      <Field
        id="widget-logo"
        name="logoUrl"
        label="Logo URL (optional)"
        placeholder="https://example.com/logo.svg"
        defaultValue={v.logoUrl}
        error={e.logoUrl}
        disabled={readOnly}
      />
      <Field
        id="widget-font"
        name="fontFamily"
        label="Font (optional)"
        placeholder="Inter, sans-serif"
        defaultValue={v.fontFamily}
        error={e.fontFamily}
        disabled={readOnly}
      />
      {readOnly ? null : (
        <div className="md:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save widget settings"}
          </Button>
        </div>
      )}
    </form>
  );
}
