/**
 * Shown while a list page loads its data. Only list pages have a loading.tsx: with one, Next sends
 * the status line before the page runs, so a detail page's notFound() could no longer answer 404.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-40 animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-64 animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
