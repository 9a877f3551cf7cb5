import Link from "next/link";

export const metadata = { title: "Not found" };

/** Unknown pages, and records that do not exist or belong to someone else (never "forbidden"). */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg space-y-3 px-4 py-24 text-center">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        There is nothing here, or it belongs to another team. Check the link, or switch teams.
      </p>
      <Link href="/dashboard" className="text-sm font-medium text-brand-600 dark:text-brand-300">
        Back to the dashboard
      </Link>
    </main>
  );
}
