import { conflict } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppRef } from "@/lib/operational/operational-app";

const select = {
  transformationCode: true,
  transformationEnabled: true,
  transformationVariables: true,
  transformationUpdatedAt: true,
} as const;

type Row = {
  transformationCode: string | null;
  transformationEnabled: boolean;
  transformationVariables: Prisma.JsonValue;
  transformationUpdatedAt: Date | null;
};

/** Svix's EndpointTransformationOut. */
export function serializeTransformation(r: Row) {
  return {
    code: r.transformationCode,
    enabled: r.transformationEnabled,
    variables: (r.transformationVariables ?? null) as Record<string, string> | null,
    updatedAt: r.transformationUpdatedAt?.toISOString() ?? null,
  };
}

export async function getTransformation(tenantId: string, appIdOrUid: AppRef, endpointIdOrUid: string) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  return db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select });
}

/** Sets the code, the variables and/or whether it runs; enabling needs code (409 otherwise). */
export async function patchTransformation(
  tenantId: string,
  appIdOrUid: AppRef,
  endpointIdOrUid: string,
  patch: { code?: string | null; enabled?: boolean; variables?: Record<string, string> | null },
  now = new Date(),
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  const current = await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select });
  const code = patch.code === undefined ? current.transformationCode : patch.code;
  const enabled = patch.enabled ?? current.transformationEnabled;
  if (enabled && !code) throw conflict("Set the transformation's code before enabling it");
  return db.endpoint.update({
    where: { id: endpoint.id },
    data: {
      transformationCode: code,
      transformationEnabled: enabled,
      ...(patch.variables !== undefined
        ? { transformationVariables: patch.variables === null ? Prisma.DbNull : patch.variables }
        : {}),
      transformationUpdatedAt: now,
    },
    select,
  });
}
