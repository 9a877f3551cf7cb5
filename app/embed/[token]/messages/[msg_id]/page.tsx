import Link from "next/link";
import { widgetResendAction } from "@/app/embed/[token]/actions";
import { MessageDetailView } from "@/components/messages/message-detail-view";
import { messageDetail } from "@/lib/messages/message-detail";
import { orNotFound } from "@/lib/portal/or-not-found";
import { widgetAccess } from "@/lib/widget/widget-access";

export default async function WidgetMessagePage({
  params,
}: {
  params: Promise<{ token: string; msg_id: string }>;
}) {
  const { token, msg_id } = await params;
  const access = await widgetAccess(token);
  if (!access) return null; // the layout shows "link expired"
  // Scoped to the token's application: another application's message id is a 404 here.
  const detail = await orNotFound(messageDetail(access.tenantId, access.appId, msg_id));
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/embed/${token}/messages`} className="text-sm text-brand-600 dark:text-brand-300">
          ← Messages
        </Link>
        <h1 className="break-all font-mono text-lg font-semibold">{detail.message.id}</h1>
      </div>
      <MessageDetailView
        detail={detail}
        resend={
          access.can("CreateAttempts") ? widgetResendAction.bind(null, token, detail.message.id) : undefined
        }
        endpointHref={(id) => `/embed/${token}/endpoints/${id}`}
      />
    </div>
  );
}
