import { z } from "zod";
import { ValidationFailed, zodProblems } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { openHeaders } from "@/lib/endpoints/header-box";
import type { AppRef } from "@/lib/operational/operational-app";
import { TRANSFORMATION_CODE_MAX } from "@/lib/schemas/transformation";
import { runTransformation, TransformationError } from "@/lib/transformations/run-transformation";

/** What the editor sends: the code as it stands (saved or not), its variables, an example. */
export const transformationTryIn = z.object({
  code: z.string().min(10, "write a handler first").max(TRANSFORMATION_CODE_MAX, "is over 50 KiB"),
  variables: z.record(z.string().max(256), z.string().max(4096)).default({}),
  eventType: z.string().max(256),
  payload: z.string().max(1_048_576, "is over 1 MiB"),
});
export type TransformationTryIn = z.input<typeof transformationTryIn>;

export type TransformationTry =
  | {
      ok: true;
      cancel: boolean;
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
      ms: number;
    }
  | { ok: false; error: string };

/**
 * Runs code on an example payload exactly as a delivery would (the endpoint's URL and custom
 * headers, method POST, in the same sandbox with the same limits), sending nothing. The result is
 * what would be signed and sent, or the error a delivery would record.
 */
export async function tryTransformation(
  tenantId: string,
  appIdOrUid: AppRef,
  endpointIdOrUid: string,
  raw: unknown,
): Promise<TransformationTry> {
  const parsed = transformationTryIn.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(zodProblems(parsed.error, "body"));
  const input = parsed.data;
  let payload: unknown;
  try {
    payload = JSON.parse(input.payload);
  } catch {
    return { ok: false, error: "The example payload is not valid JSON" };
  }
  const found = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  const endpoint = await db.endpoint.findUniqueOrThrow({
    where: { id: found.id, tenantId },
    select: { url: true, headers: true },
  });
  let headers: Record<string, string>;
  try {
    headers = openHeaders(endpoint.headers);
  } catch {
    return { ok: false, error: "The endpoint's custom headers cannot be decrypted" };
  }
  const started = performance.now();
  try {
    const out = await runTransformation(
      input.code,
      { eventType: input.eventType, payload, url: endpoint.url, method: "POST", headers, cancel: false },
      input.variables,
    );
    return {
      ok: true,
      cancel: out.cancel,
      method: out.method,
      url: out.url,
      headers: out.headers,
      body: out.body,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (error instanceof TransformationError) return { ok: false, error: error.message };
    return { ok: false, error: "The sandbox is busy; try again in a moment" };
  }
}
