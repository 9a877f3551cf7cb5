import Link from "next/link";
import { Card } from "@/components/ui/card";
import { currentMember } from "@/lib/auth/current-member";
import { appUrl } from "@/lib/env";
import { tenantOverview } from "@/lib/tenants/tenant-overview";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const member = await currentMember();
  const counts = await tenantOverview(member.tenant.id);
  const stats = [
    { label: "Applications", value: counts.applications },
    { label: "Endpoints", value: counts.endpoints },
    { label: "Event types", value: counts.eventTypes },
    { label: "Active API keys", value: counts.apiKeys, href: "/api-keys" },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{member.tenant.name}</h1>
        <p className="text-sm text-zinc-500">
          Signed in as {member.user.email} ({member.role})
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {stats.map((s) => (
          <div
            key={s.label}
            className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <dt className="text-sm text-zinc-500">{s.label}</dt>
            <dd className="mt-1 text-3xl font-semibold">
              {s.href ? <Link href={s.href}>{s.value}</Link> : s.value}
            </dd>
          </div>
        ))}
      </dl>
      <Card title="Get started">
        {counts.applications === 0 ? (
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            No applications yet. Create one with an API key:
          </p>
        ) : (
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            Talk to the API with any of your keys:
          </p>
        )}
        <pre className="overflow-x-auto rounded-md bg-zinc-950 p-4 text-xs text-zinc-100">
          {`curl -X POST ${appUrl()}/api/v1/app \\
  -H "Authorization: Bearer $HOOKLINE_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"name": "My first customer", "uid": "customer-1"}'`}
        </pre>
        <p className="mt-3 text-sm">
          The API is compatible with Svix&apos;s SDKs. See the{" "}
          <Link className="text-brand-600" href="/docs/api">
            API reference
          </Link>
          .
        </p>
      </Card>
    </div>
  );
}
