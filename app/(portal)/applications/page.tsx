import Link from "next/link";
import { createApplicationAction } from "@/app/(portal)/applications/actions";
import { CreateApplicationForm } from "@/components/applications/create-application-form";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { searchApplications } from "@/lib/applications/search-applications";
import { currentMember } from "@/lib/auth/current-member";
import { searchParam } from "@/lib/portal/search-param";

export const metadata = { title: "Applications" };

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const member = await currentMember();
  const q = searchParam((await searchParams).q);
  const apps = await searchApplications(member.tenant.id, q);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Applications</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        An application is one of your customers; its endpoints receive your events.
      </p>
      <Card title="New application">
        <CreateApplicationForm action={createApplicationAction} />
      </Card>
      <Card
        title="All applications"
        actions={
          <form className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              Search applications
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q}
              placeholder="Search by name or uid"
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </form>
        }
      >
        {apps.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {q ? `No application matches “${q}”.` : "No applications yet. Create the first one above."}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {apps.map((app) => (
              <li key={app.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link
                    href={`/applications/${app.id}`}
                    className="font-medium text-brand-600 dark:text-brand-300 hover:underline"
                  >
                    {app.name}
                  </Link>
                  <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{app.uid ?? app.id}</p>
                </div>
                <div className="text-sm text-zinc-500 dark:text-zinc-400">
                  {app._count.endpoints} endpoint{app._count.endpoints === 1 ? "" : "s"} · created{" "}
                  <RelativeTime iso={app.createdAt.toISOString()} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
