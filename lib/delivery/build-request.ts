import { validateHeaderName, validateHeaderValue } from "node:http";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { batchBody } from "@/lib/delivery/form-batch";
import type { AttemptRequest, ErrorKind } from "@/lib/delivery/send-attempt";
import { thinBody } from "@/lib/delivery/thin-body";
import { openHeaders } from "@/lib/endpoints/header-box";
import { signatureHeader } from "@/lib/signing/standard-webhooks";

/** Why a request cannot be made, whatever the receiver would say: the attempt fails for good. */
export class UnsendableRequest extends Error {
  constructor(
    readonly kind: Extract<ErrorKind, "invalid_header" | "expunged" | "secret_unreadable" | "transformation">,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The signed request for one delivery, or for a batch led by `members[0]`: the body (the stored
 * payload, a thin reference, or the batch's array), the endpoint's custom headers, and the
 * Standard Webhooks headers signed with every secret that signs now. Throws UnsendableRequest
 * when the message's content is gone, a custom header is one HTTP cannot carry (Node would throw
 * while sending), or a secret cannot be decrypted.
 */
export function buildRequest(
  members: ClaimedDelivery[],
  batchId: string | null,
  config: DeliveryConfig,
  now: Date,
  /** What the endpoint's transformation made of the request: body, URL, method and headers. */
  transformed?: { body: string; url: string; method: "POST" | "PUT"; headers: Record<string, string> },
): AttemptRequest {
  const delivery = members[0]!;
  let body: string;
  if (batchId) body = batchBody(members);
  else if (delivery.thin) body = thinBody(delivery, config.publicUrl, now);
  else if (delivery.payload === null)
    throw new UnsendableRequest(
      "expunged",
      "The message's content was expunged (retention or on request): there is nothing to send",
    );
  else body = delivery.payload;
  if (transformed) body = transformed.body;

  let headers: Record<string, string>;
  try {
    headers = transformed ? transformed.headers : openHeaders(delivery.headers);
  } catch {
    throw new UnsendableRequest(
      "secret_unreadable",
      "The endpoint's custom headers cannot be decrypted (was SECRETS_ENCRYPTION_KEY changed?)",
    );
  }
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      throw new UnsendableRequest(
        "invalid_header",
        `The custom header '${name}' has a name or value that HTTP cannot carry; fix it in the endpoint's headers`,
      );
    }
  }
  let secrets: string[];
  try {
    secrets = delivery.secrets.map(decryptSecret);
  } catch {
    throw new UnsendableRequest(
      "secret_unreadable",
      "The endpoint's signing secret cannot be decrypted (was SECRETS_ENCRYPTION_KEY changed?)",
    );
  }
  // Receivers deduplicate on webhook-id: the message id (the same on every retry), or the batch's.
  const webhookId = batchId ?? delivery.messageId;
  const timestamp = Math.floor(now.getTime() / 1000);
  const signature = signatureHeader(secrets, webhookId, timestamp, body);
  return {
    url: transformed?.url ?? delivery.url,
    method: transformed?.method ?? "POST",
    body,
    timeoutMs: delivery.timeoutMs,
    headers: {
      ...headers,
      // A raw payload goes with its own content type; batches and thin references are JSON.
      "content-type": (!batchId && !delivery.thin && delivery.contentType) || "application/json",
      "user-agent": config.userAgent,
      "webhook-id": webhookId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signature,
      // The same three under Svix's names, when the tenant asks (receivers that read those by hand).
      ...(delivery.svixHeaders
        ? { "svix-id": webhookId, "svix-timestamp": String(timestamp), "svix-signature": signature }
        : {}),
    },
  };
}
