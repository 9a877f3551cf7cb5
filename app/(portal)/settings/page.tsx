import Link from "next/link";
import { saveTeamSettingsAction } from "@/app/(portal)/settings/actions";
import { TeamSettingsForm } from "@/components/settings/team-settings-form";
import { Card } from "@/components/ui/card";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { teamSettings } from "@/lib/tenants/team-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const member = await currentMember();
  const settings = await teamSettings(member.tenant.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Team settings</h1>
      <Card title={settings.name}>
        <TeamSettingsForm
          action={saveTeamSettingsAction}
          readOnly={!canManageKeys(member.role)}
          initial={{
            name: settings.name,
            retentionDays: String(settings.retentionDays),
            svixHeaders: settings.svixHeaders ? "on" : "",
          }}
        />
      </Card>
      <Card title="Operational webhooks">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Have Hookline tell your own systems when an endpoint is disabled or a message keeps failing:{" "}
          <Link className="text-brand-600 dark:text-brand-300 underline" href="/operational-webhooks">
            operational webhooks
          </Link>
          .
        </p>
      </Card>
    </div>
  );
}
