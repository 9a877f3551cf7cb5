"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { errorAs, portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import {
  createInspector,
  deleteInspector,
  findInspector,
  serializeInspector,
} from "@/lib/inspector/inspectors";
import { endpointSecretsFor, signatureValid } from "@/lib/inspector/list-requests";
import { type ReplayResult, replayInspectorRequest } from "@/lib/inspector/replay-request";
import type { FormState } from "@/lib/portal/form-state";

const createForm = z.object({
  name: z.string().max(256).default(""),
  responseStatus: z.coerce.number().int().min(200).max(599).default(200),
});

export const createInspectorAction = portalFormAction(
  { role: "member", schema: createForm },
  async ({ member, input }): Promise<FormState> => {
    const inspector = await createInspector(member.tenant.id, input);
    redirect(`/inspector/${inspector.id}`);
  },
);

export const deleteInspectorAction = portalAction("member", async (member, inspectorId: string) => {
  await deleteInspector(member.tenant.id, inspectorId);
  revalidatePath("/inspector");
});

/** Whether the request's signature verifies with the endpoint's keys that sign now. */
export const checkSignatureAction = portalAction(
  "member",
  async (
    member,
    inspectorId: string,
    requestId: string,
    endpointId: string,
  ): Promise<{ valid?: boolean; error?: string }> => {
    const inspector = await findInspector(member.tenant.id, inspectorId);
    const row = await db.inspectorRequest.findFirst({
      where: { id: String(requestId), inspectorId: inspector.id },
    });
    if (!row) throw notFound("Request");
    return { valid: signatureValid(row, await endpointSecretsFor(member.tenant.id, String(endpointId))) };
  },
  errorAs("Could not check the signature"),
);

export const replayRequestAction = portalAction(
  "member",
  async (
    member,
    inspectorId: string,
    requestId: string,
    url: unknown,
  ): Promise<ReplayResult | { error: string }> => {
    const target = z.string().url().max(65_536).safeParse(url);
    if (!target.success || !/^https?:\/\//i.test(target.data))
      return { error: "Give an http:// or https:// URL" };
    return replayInspectorRequest(member.tenant.id, inspectorId, String(requestId), target.data);
  },
  errorAs("Could not replay the request"),
);

/** A new inspector for the endpoint form's "Use a new inspector URL". */
export const newInspectorUrlAction = portalAction(
  "member",
  async (member): Promise<{ url?: string; error?: string }> => {
    const inspector = await createInspector(member.tenant.id, { name: "For a new endpoint" });
    return { url: serializeInspector(inspector).url };
  },
  errorAs("Could not create an inspector"),
);
