"use client";

import { useId, useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import type { CatalogueEntry } from "@/lib/event-types/event-type-catalogue";

const chip =
  "rounded px-2 py-1 text-xs font-medium text-brand-600 underline hover:bg-zinc-100 dark:text-brand-300 dark:hover:bg-zinc-800";

/**
 * The event types an endpoint receives: searchable, grouped (Svix's groupName, else the name's
 * first part), deprecated ones flagged and listed last, with select all / none for what is shown.
 * Checkboxes hidden by the search keep their state and are still submitted with the form.
 */
export function EventTypePicker({
  eventTypes,
  initial,
  name = "eventTypes",
}: {
  eventTypes: CatalogueEntry[];
  initial: Set<string>;
  name?: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState(initial);
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const matches = (et: CatalogueEntry) =>
    !needle || et.name.toLowerCase().includes(needle) || et.description.toLowerCase().includes(needle);
  const shown = eventTypes.filter(matches);
  const groups = [...new Set(eventTypes.map((et) => et.group))].sort();
  const set = (names: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const n of names) on ? next.add(n) : next.delete(n);
      return next;
    });
  return (
    <div className="mt-2 space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search event types
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search event types"
          className="w-full max-w-xs rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="button"
          className={chip}
          onClick={() =>
            set(
              shown.map((et) => et.name),
              true,
            )
          }
        >
          Select {needle ? "shown" : "all"}
        </button>
        <button
          type="button"
          className={chip}
          onClick={() =>
            set(
              shown.map((et) => et.name),
              false,
            )
          }
        >
          Clear {needle ? "shown" : "all"}
        </button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {selected.size === 0
            ? "None selected: every event type"
            : `${selected.size} of ${eventTypes.length} selected`}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No event type matches.</p>
      ) : null}
      {groups.map((group) => {
        const members = eventTypes
          .filter((et) => et.group === group)
          .sort((a, b) => Number(a.deprecated) - Number(b.deprecated) || a.name.localeCompare(b.name));
        const visible = members.filter(matches);
        return (
          <fieldset key={group} hidden={visible.length === 0} className="space-y-2">
            <legend className="flex items-center gap-2 text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-400">
              {group}
              <button
                type="button"
                className={`${chip} normal-case`}
                aria-label={`Select group ${group}`}
                onClick={() =>
                  set(
                    visible.map((et) => et.name),
                    true,
                  )
                }
              >
                Select group
              </button>
            </legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {members.map((et) => (
                <div key={et.name} className="text-sm" hidden={!matches(et)}>
                  <label className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      name={name}
                      value={et.name}
                      checked={selected.has(et.name)}
                      onChange={(e) => set([et.name], e.target.checked)}
                      className="mt-1 size-4"
                    />
                    <span>
                      <span className="font-mono">{et.name}</span>
                      {et.deprecated ? (
                        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
                          deprecated
                        </span>
                      ) : null}
                      {et.description ? (
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                          {et.description}
                        </span>
                      ) : null}
                    </span>
                  </label>
                  {et.example ? (
                    <details className="ml-6 text-xs">
                      <summary className="cursor-pointer py-1 text-brand-600 dark:text-brand-300">
                        Example payload
                      </summary>
                      <CodeBlock className="mt-1 max-h-48 overflow-auto rounded bg-zinc-100 p-2 dark:bg-zinc-800">
                        {et.example}
                      </CodeBlock>
                    </details>
                  ) : null}
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
