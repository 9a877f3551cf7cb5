import { createApiKeyAction, revokeApiKeyAction } from "@/app/(portal)/actions";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const member = await currentMember();
  if (!canManageKeys(member.role)) {
    return <Alert tone="error">Only owners and admins of {member.tenant.name} can manage API keys.</Alert>;
  }
  const keys = await listApiKeys(member.tenant.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <Card title="Create a key">
        <CreateKeyForm action={createApiKeyAction} />
      </Card>
      <Card title="Keys">
        {keys.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            No keys yet. Create one above to call the API.
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-2 pr-4">Name</th>
                  <th className="py-2 pr-4">Key</th>
                  <th className="py-2 pr-4">Created</th>
                  <th className="py-2 pr-4">Last used</th>
                  <th className="py-2 pr-4">Status</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {keys.map((k) => (
                  <tr key={k.id}>
                    <td className="py-2 pr-4 font-medium">{k.name}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{k.prefix}…</td>
                    <td className="py-2 pr-4">
                      <RelativeTime iso={k.createdAt.toISOString()} />
                    </td>
                    <td className="py-2 pr-4">
                      {k.lastUsedAt ? <RelativeTime iso={k.lastUsedAt.toISOString()} /> : "Never"}
                    </td>
                    <td className="py-2 pr-4">
                      {k.revokedAt ? (
                        <span className="text-red-700 dark:text-red-400">Revoked</span>
                      ) : (
                        <span className="text-emerald-700 dark:text-emerald-400">Active</span>
                      )}
                    </td>
                    <td className="py-2 text-right">
                      {k.revokedAt ? null : (
                        <RevokeKeyButton id={k.id} name={k.name} action={revokeApiKeyAction} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
