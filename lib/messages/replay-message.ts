import { json } from "@/lib/api/errors";
import type { ReplayPolicy } from "@/lib/api/idempotency";
import { findMessage } from "@/lib/messages/find-message";
import { serializeMessage } from "@/lib/messages/serialize-message";

/**
 * The Idempotency-Key policy of routes that create a message: the key is recorded in the message's
 * transaction with its id, and a repeat gets the message as it is now, so a payload expunged since
 * (retention, DELETE …/content) is not served again from a stored copy.
 */
export function replayMessage(tenantId: string, appIdOrUid: string, withContent = true): ReplayPolicy {
  return {
    kind: "atomic",
    replay: async (messageId) => {
      const { message } = await findMessage(tenantId, appIdOrUid, messageId);
      return json(serializeMessage(message, withContent), 202);
    },
  };
}
