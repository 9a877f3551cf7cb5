"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { verificationKey } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { ensureOperationalApp, OPERATIONAL_APP } from "@/lib/operational/operational-app";
import type { FormState } from "@/lib/portal/form-state";
import { endpointUrl } from "@/lib/schemas/endpoint";

// The tenant's own operational webhooks (endpoint.disabled, message.attempt.exhausted, …), the
// portal's twin of /api/v1/operational-webhook/endpoint. Owners and admins only: they reach the
// tenant's own systems.

const ADMINS = { admin: "change operational webhooks" };

export const addOperationalEndpointAction = portalFormAction(
  {
    role: ADMINS,
    schema: z.object({
      url: z.string().trim().pipe(endpointUrl),
      eventTypes: z.union([z.string(), z.array(z.string())]).optional(),
    }),
  },
  async ({ member, input }): Promise<FormState> => {
    const eventTypes = [input.eventTypes ?? []].flat().filter(Boolean);
    await ensureOperationalApp(member.tenant.id);
    await createEndpoint(member.tenant.id, OPERATIONAL_APP, { url: input.url, eventTypes });
    revalidatePath("/operational-webhooks");
    return { saved: true };
  },
);

export const deleteOperationalEndpointAction = portalAction(ADMINS, async (member, endpointId: string) => {
  await deleteEndpoint(member.tenant.id, OPERATIONAL_APP, endpointId);
  revalidatePath("/operational-webhooks");
});

export const revealOperationalSecretAction = portalAction(ADMINS, async (member, endpointId: string) =>
  verificationKey((await findEndpoint(member.tenant.id, OPERATIONAL_APP, endpointId)).id),
);
