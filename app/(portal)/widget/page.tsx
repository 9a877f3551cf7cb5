import { previewWidgetAction, saveWidgetSettingsAction } from "@/app/(portal)/widget/actions";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { WidgetPreview } from "@/components/widget/widget-preview";
import { WidgetSettingsForm } from "@/components/widget/widget-settings-form";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { widgetSettings } from "@/lib/widget/widget-settings";

export const metadata = { title: "Widget" };

export default async function WidgetSettingsPage() {
  const member = await currentMember();
  const [{ allowedOrigins, theme }, applications] = await Promise.all([
    widgetSettings(member.tenant.id),
    db.application.findMany({
      where: { tenantId: member.tenant.id, internal: false },
      orderBy: { name: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
  ]);
  const base = appUrl();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Endpoint widget</h1>
      <Card title="Embed it in your product">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          Your backend asks for a short-lived link with{" "}
          <code>POST /api/v1/auth/app-portal-access/{"{app_id}"}</code> (or the Svix SDK&apos;s{" "}
          <code>authentication.appPortalAccess</code>); your page mounts it:
        </p>
        <CodeBlock className="overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100">{`<div id="webhooks"></div>
<script src="${base}/widget.js"></script>
<script>Hookline.mount(document.getElementById("webhooks"), { url: linkFromYourBackend });</script>`}</CodeBlock>
      </Card>
      <Card title="Settings">
        <WidgetSettingsForm
          action={saveWidgetSettingsAction}
          readOnly={!canManageKeys(member.role)}
          initial={{
            allowedOrigins: allowedOrigins.join("\n"),
            primaryColor: theme.primaryColor ?? "",
            mode: theme.mode ?? "light",
            logoUrl: theme.logoUrl ?? "",
            fontFamily: theme.fontFamily ?? "",
          }}
        />
      </Card>
      <Card title="Preview">
        <WidgetPreview action={previewWidgetAction} applications={applications} />
      </Card>
    </div>
  );
}
