import { ApiError, notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { deliveryConfig } from "@/lib/delivery/config";
import { sendAttempt } from "@/lib/delivery/send-attempt";
import { isHopHeader } from "@/lib/http/hop-headers";
import { findInspector } from "@/lib/inspector/inspectors";

export interface ReplayResult {
  ok: boolean;
  status: number;
  durationMs: number;
  responseBody: string;
  error: string | null;
}

/**
 * Sends a recorded request again, to `url` (a local receiver under development, say): its headers
 * (signature included, so a receiver's check can be tried) and body, as POST unless it came as
 * PUT. Through the delivery path: the SSRF guard decides first, no redirects, the first 4 KiB of
 * the answer, 15 s at most.
 */
export async function replayInspectorRequest(
  tenantId: string,
  inspectorId: string,
  requestId: string,
  url: string,
): Promise<ReplayResult> {
  const inspector = await findInspector(tenantId, inspectorId);
  const request = await db.inspectorRequest.findFirst({
    where: { id: requestId, inspectorId: inspector.id },
    select: { method: true, headers: true, body: true, bodyEncoding: true },
  });
  if (!request) throw notFound("Request");
  if (request.bodyEncoding === "base64")
    throw new ApiError(409, "conflict", "This request's body is not text; only text bodies can be replayed");
  const headers = Object.fromEntries(
    Object.entries(request.headers as Record<string, string>).filter(([name]) => !isHopHeader(name)),
  );
  const result = await sendAttempt(
    {
      url,
      method: request.method === "PUT" ? "PUT" : "POST",
      headers,
      body: request.body,
      timeoutMs: 15_000,
    },
    deliveryConfig().guard,
  );
  return {
    ok: result.outcome === "success",
    status: result.status,
    durationMs: result.durationMs,
    responseBody: result.responseBody,
    error: result.errorMessage,
  };
}
