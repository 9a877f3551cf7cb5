/** What a widget shows for an expired, revoked or unknown link: no data, one clear sentence. */
export function LinkExpired() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-lg font-semibold">This link has expired</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        For your security, webhook settings links only work for a short time. Reload the page you came from to
        get a new one.
      </p>
    </div>
  );
}
