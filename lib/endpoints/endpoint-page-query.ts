import { type ChartRange, chartRange } from "@/lib/endpoints/endpoint-chart";
import { searchParam } from "@/lib/portal/search-param";

export const ENDPOINT_TABS = [
  "overview",
  "testing",
  "settings",
  "signing",
  "transformation",
  "attempts",
] as const;
export type EndpointTab = (typeof ENDPOINT_TABS)[number];

/** Which attempts the Attempts tab lists: a chart bar's time span, outcome or status code. */
export interface AttemptFilter {
  from?: Date;
  until?: Date;
  outcome?: "success" | "failure";
  /** 0 is "no response" (timeouts, refused connections…). */
  statusCode?: number;
}

export interface EndpointPageQuery {
  tab: EndpointTab;
  range: ChartRange;
  filter: AttemptFilter;
}

type Query = Record<string, string | string[] | undefined>;

function time(value: string | string[] | undefined): Date | undefined {
  const ms = Number(searchParam(value));
  return Number.isSafeInteger(ms) && ms > 0 ? new Date(ms) : undefined;
}

/** An endpoint page's URL query (portal and widget), anything unusable dropped. */
export function endpointPageQuery(query: Query): EndpointPageQuery {
  const code = Number(searchParam(query.code));
  return {
    tab: searchParam(query.tab, ENDPOINT_TABS) ?? "overview",
    range: chartRange(query.range),
    filter: {
      from: time(query.from),
      until: time(query.until),
      outcome: searchParam(query.outcome, ["success", "failure"] as const),
      statusCode: Number.isInteger(code) && code >= 0 && code < 600 && query.code ? code : undefined,
    },
  };
}

/** The link to an endpoint page showing `tab` (plus range and filter): `base` is the page's path. */
export function endpointPageHref(
  base: string,
  tab: EndpointTab,
  extra: { range?: ChartRange; from?: number; until?: number; outcome?: string; code?: number } = {},
): string {
  const params = new URLSearchParams();
  if (tab !== "overview") params.set("tab", tab);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
