"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useForm } from "@/components/ui/use-form";
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
  const { state, formAction, pending, values: v, errors: e, formKey } = useForm(action, initial);
  return (
    <form key={formKey} action={formAction} className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <FormStatus state={state} />
      </div>
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
      <Select
        id="widget-mode"
        name="mode"
        label="Light or dark"
        defaultValue={v.mode || "light"}
        disabled={readOnly}
        options={[
          ["light", "Light"],
          ["dark", "Dark"],
          ["system", "Follow the viewer's system"],
        ]}
      />
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
