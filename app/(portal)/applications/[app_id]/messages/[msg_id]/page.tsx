import Link from "next/link";
import { resendToEndpointAction } from "@/app/(portal)/applications/[app_id]/messages/actions";
import { MessageDetailView } from "@/components/messages/message-detail-view";
import { currentMember } from "@/lib/auth/current-member";
import { messageDetail } from "@/lib/messages/message-detail";
import { orNotFound } from "@/lib/portal/or-not-found";

export const metadata = { title: "Message" };

export default async function MessagePage({
  params,
}: {
  params: Promise<{ app_id: string; msg_id: string }>;
}) {
  const member = await currentMember();
  const { app_id, msg_id } = await params;
  const detail = await orNotFound(messageDetail(member.tenant.id, app_id, msg_id));
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/messages?app=${detail.app.id}`} className="text-sm text-brand-600 dark:text-brand-300">
          ← Messages of {detail.app.name}
        </Link>
        <h1 className="break-all font-mono text-xl font-semibold">{detail.message.id}</h1>
      </div>
      <MessageDetailView
        detail={detail}
        resend={resendToEndpointAction.bind(null, detail.app.id, detail.message.id)}
        endpointHref={(id) => `/applications/${detail.app.id}/endpoints/${id}`}
      />
    </div>
  );
}
