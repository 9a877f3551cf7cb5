import { RelativeTime } from "@/components/ui/relative-time";
import type { TaskRow } from "@/lib/tasks/background-task";

const LABELS: Record<string, string> = {
  "endpoint.recover": "Recover",
  "endpoint.replay": "Replay missing",
  "endpoint.bulk-replay": "Bulk replay",
  "application.purge_content": "Expunge all contents",
  "application.stats": "Usage statistics",
  "event-type.aggregate": "Event type statistics",
};

const TONES: Record<string, string> = {
  running: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  finished: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

/** What a task did so far, in words. */
function summary(t: TaskRow): string {
  const data = (t.data ?? {}) as Record<string, unknown>;
  if (t.error) return t.error;
  if (typeof data.recovered === "number") return `${data.recovered} deliveries sent again`;
  if (typeof data.replayed === "number") return `${data.replayed} deliveries sent`;
  if (typeof data.expunged === "number") return `${data.expunged} payloads expunged`;
  if (Array.isArray(data.apps)) return `${data.apps.length} applications counted`;
  if (Array.isArray(data.eventTypes)) return `${data.eventTypes.length} event types counted`;
  return "";
}

/** The tenant's recent background tasks (recoveries and replays from the API, this page or the widget). */
export function BackgroundTasks({ tasks }: { tasks: TaskRow[] }) {
  if (tasks.length === 0)
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        No background tasks yet. Recoveries, replays and bulk expunges started here or through the API show up
        here with their progress.
      </p>
    );
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="background-tasks">
        <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
          <tr>
            <th className="py-2">Task</th>
            <th className="py-2">Status</th>
            <th className="py-2">Progress</th>
            <th className="py-2">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {tasks.map((t) => (
            <tr key={t.id}>
              <td className="py-2">
                {LABELS[t.task] ?? t.task}{" "}
                <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{t.id}</span>
              </td>
              <td className="py-2">
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONES[t.status] ?? ""}`}>
                  {t.status}
                </span>
              </td>
              <td className="py-2">{summary(t)}</td>
              <td className="py-2">
                <RelativeTime iso={t.updatedAt.toISOString()} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
