import { serializeMessage } from "@/lib/messages/serialize-message";

export const attemptSelect = {
  id: true,
  url: true,
  response: true,
  responseStatusCode: true,
  durationMs: true,
  outcome: true,
  trigger: true,
  messageId: true,
  endpointId: true,
  errorKind: true,
  errorMessage: true,
  createdAt: true,
} as const;

type MessageRow = Parameters<typeof serializeMessage>[0];

/**
 * Svix's MessageAttemptOut, plus Hookline's `errorKind` and `errorMessage`. With `with_content`
 * false the response body is left out; with the attempt's message loaded (`with_msg`), `msg`.
 */
export function serializeAttempt(
  a: {
    id: string;
    url: string;
    response: string | null;
    responseStatusCode: number;
    durationMs: number;
    outcome: "success" | "failure";
    trigger: "scheduled" | "manual";
    messageId: string;
    endpointId: string;
    errorKind: string | null;
    errorMessage: string | null;
    createdAt: Date;
    message?: MessageRow;
  },
  withContent = true,
) {
  return {
    id: a.id,
    url: a.url,
    response: withContent ? (a.response ?? "") : "",
    responseStatusCode: a.responseStatusCode,
    responseDurationMs: a.durationMs,
    status: a.outcome === "success" ? 0 : 2,
    statusText: a.outcome === "success" ? "success" : "fail",
    triggerType: a.trigger === "manual" ? 1 : 0,
    msgId: a.messageId,
    endpointId: a.endpointId,
    timestamp: a.createdAt.toISOString(),
    errorKind: a.errorKind,
    errorMessage: a.errorMessage,
    ...(a.message ? { msg: serializeMessage(a.message, withContent) } : {}),
  };
}
