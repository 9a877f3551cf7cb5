import { db } from "@/lib/db";
import { type ChartRange, endpointChart } from "@/lib/endpoints/endpoint-chart";
import { endpointFormValues } from "@/lib/endpoints/endpoint-form";
import type { AttemptFilter } from "@/lib/endpoints/endpoint-page-query";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
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
  const [details, attempts, catalogue, chart] = await Promise.all([
    db.endpoint.findUniqueOrThrow({
      where: { id: endpoint.id, tenantId },
      select: {
        disabledReason: true,
        disabledAt: true,
        failingSince: true,
        consecutiveFailures: true,
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
  ]);
  const full = { ...endpoint, ...details };
  return { endpoint: full, formValues: endpointFormValues(full), attempts, catalogue, chart };
}
