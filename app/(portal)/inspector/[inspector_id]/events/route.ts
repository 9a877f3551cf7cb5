// GET /inspector/{id}/events — the inspector's new requests as server-sent events (portal session)
import { toErrorResponse } from "@/lib/api/errors";
import { currentMember } from "@/lib/auth/current-member";
import { inspectorEvents } from "@/lib/inspector/inspector-events";
import { findInspector } from "@/lib/inspector/inspectors";

export async function GET(req: Request, { params }: { params: Promise<{ inspector_id: string }> }) {
  const member = await currentMember();
  const { inspector_id } = await params;
  try {
    await findInspector(member.tenant.id, inspector_id);
  } catch (error) {
    return toErrorResponse(error);
  }
  // After a reconnect the browser says where it was (Last-Event-ID); the first time, the page does.
  const after = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after") ?? undefined;
  return inspectorEvents(member.tenant.id, inspector_id, after || undefined, req.signal);
}
