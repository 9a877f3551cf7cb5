"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { PreviewState } from "@/lib/widget/preview-state";

type HooklineGlobal = { mount: (el: HTMLElement, o: { url: string }) => { unmount(): void } };

/** Mounts the widget with /widget.js, exactly as a tenant's product would, for a chosen application. */
export function WidgetPreview({
  action,
  applications,
}: {
  action: (prev: PreviewState, form: FormData) => Promise<PreviewState>;
  applications: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const url = state.url;
    const element = host.current;
    if (!url || !element) return;
    let mounted: { unmount(): void } | undefined;
    const start = () => {
      mounted = (window as unknown as { Hookline: HooklineGlobal }).Hookline.mount(element, { url });
    };
    if ((window as unknown as { Hookline?: HooklineGlobal }).Hookline) start();
    else {
      const script = document.createElement("script");
      script.src = "/widget.js";
      script.onload = start;
      document.head.appendChild(script);
    }
    return () => mounted?.unmount();
  }, [state.url]);
  if (applications.length === 0)
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">Create an application to preview the widget.</p>
    );
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-2">
        <Select
          id="preview-app"
          name="appId"
          label="Application"
          options={applications.map((a): [string, string] => [a.id, a.name])}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Opening…" : "Preview"}
        </Button>
      </form>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <div
        ref={host}
        className="overflow-hidden rounded-md border border-dashed border-zinc-300 dark:border-zinc-700"
      />
    </div>
  );
}
