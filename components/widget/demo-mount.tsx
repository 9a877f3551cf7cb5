"use client";

import { useEffect, useRef, useState } from "react";

type HooklineGlobal = {
  mount: (
    el: HTMLElement,
    o: { url: string; theme?: Record<string, string>; onEvent?: (name: string, data: unknown) => void },
  ) => { unmount(): void };
};

/** Mounts the widget the way a tenant's product does, and lists the events it forwards. */
export function DemoMount({ url }: { url: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [events, setEvents] = useState<{ id: number; text: string }[]>([]);
  const counter = useRef(0);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let mounted: { unmount(): void } | undefined;
    const script = document.createElement("script");
    script.src = "/widget.js";
    script.onload = () => {
      mounted = (window as unknown as { Hookline: HooklineGlobal }).Hookline.mount(element, {
        url,
        theme: { primaryColor: "#0f766e" },
        onEvent: (name, data) => {
          counter.current += 1;
          const id = counter.current;
          setEvents((e) => [{ id, text: `${name} ${JSON.stringify(data)}` }, ...e].slice(0, 10));
        },
      });
    };
    document.head.appendChild(script);
    return () => {
      mounted?.unmount();
      script.remove();
    };
  }, [url]);
  return (
    <div className="space-y-4">
      <div ref={host} data-testid="widget-host" />
      <section aria-label="Events from the widget" className="rounded-md border border-zinc-200 p-3 text-xs">
        <h2 className="mb-1 font-semibold">Events forwarded to this page</h2>
        {events.length === 0 ? (
          <p className="text-zinc-600">None yet: add an endpoint in the widget.</p>
        ) : (
          <ul data-testid="widget-events" className="font-mono">
            {events.map((e) => (
              <li key={e.id}>{e.text}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
