import { db } from "@/lib/db";
import { type ChartRange, endpointChart } from "@/lib/endpoints/endpoint-chart";
import { endpointFormValues } from "@/lib/endpoints/endpoint-form";
import type { AttemptFilter } from "@/lib/endpoints/endpoint-page-query";
import { currentKeyKind } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { env } from "@/lib/env";
import { eventTypeCatalogue } from "@/lib/event-types/event-type-catalogue";

/** What an endpoint's page shows (portal and widget): settings, health, chart, recent attempts. */
export async function endpointOverview(
  tenantId: string,
  appId: string,
  endpointId: string,
  range: ChartRange,
  /** A widget token's feature flags (limits the event-type picker); absent in the portal. */
  featureFlags?: string[],
  /** Which attempts to list (a chart bar's span, outcome or status code); the latest 50 of them. */
  filter: AttemptFilter = {},
) {
  const endpoint = await findEndpoint(tenantId, appId, endpointId);
  const [details, attempts, catalogue, chart, parked, keyKind] = await Promise.all([
    db.endpoint.findUniqueOrThrow({
      where: { id: endpoint.id, tenantId },
      select: {
        disabledReason: true,
        disabledAt: true,
        failingSince: true,
        consecutiveFailures: true,
        transformationCode: true,
        transformationEnabled: true,
        transformationVariables: true,
      },
    }),
    db.messageAttempt.findMany({
      where: {
        tenantId,
        endpointId: endpoint.id,
        createdAt: { gte: filter.from, lt: filter.until },
        outcome: filter.outcome,
        responseStatusCode: filter.statusCode,
      },
      orderBy: { id: "desc" },
      take: 50,
      select: {
        id: true,
        messageId: true,
        outcome: true,
        responseStatusCode: true,
        durationMs: true,
        errorKind: true,
        trigger: true,
        createdAt: true,
      },
    }),
    eventTypeCatalogue(tenantId, featureFlags),
    endpointChart(tenantId, endpoint.id, range),
    // Messages held while it was disabled: offered for sending once it is enabled again.
    // (From the oldest such message's time, which is what a recovery's `since` compares.)
    db.$queryRaw<{ n: number; since: Date | null }[]>`
      SELECT count(*)::int AS n, min(m."createdAt") AS since
        FROM "Delivery" d JOIN "Message" m ON m.id = d."messageId"
       WHERE d."tenantId" = ${tenantId} AND d."endpointId" = ${endpoint.id} AND d.status = 'parked'`,
    currentKeyKind(endpoint.id),
  ]);
  const full = { ...endpoint, ...details };
  return {
    endpoint: full,
    formValues: endpointFormValues(full),
    attempts,
    catalogue,
    chart,
    keyKind,
    transformation: {
      code: details.transformationCode,
      enabled: details.transformationEnabled,
      variables: (details.transformationVariables ?? {}) as Record<string, string>,
    },
    parked: { count: parked[0]?.n ?? 0, since: parked[0]?.since ?? null },
    // DELIVERY_EGRESS_IPS: where deliveries come from, for the receiver's firewall.
    egressIps: (env().DELIVERY_EGRESS_IPS ?? "")
      .split(",")
      .map((ip) => ip.trim())
      .filter(Boolean),
  };
}
