/** Inside the widget: an endpoint or message that is not this application's (or no longer exists). */
export default function WidgetNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This endpoint or message does not exist here. It may have been deleted.
      </p>
    </div>
  );
}
