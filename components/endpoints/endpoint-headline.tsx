import Link from "next/link";
import type { EndpointChart } from "@/lib/endpoints/endpoint-chart";

/** The three numbers that say whether an endpoint is healthy, over the chart's range. */
export function EndpointHeadline({ chart, failedHref }: { chart: EndpointChart; failedHref: string }) {
  const { totals } = chart;
  const rateTone =
    totals.successRate === null
      ? ""
      : totals.successRate >= 99
        ? "text-emerald-700 dark:text-emerald-400"
        : totals.successRate >= 90
          ? "text-amber-700 dark:text-amber-400"
          : "text-red-700 dark:text-red-400";
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="endpoint-headline">
      <Figure
        label="Success rate"
        value={totals.successRate === null ? "—" : `${totals.successRate}%`}
        tone={rateTone}
      />
      <Figure label="Attempts" value={totals.attempts.toLocaleString("en")} />
      <Figure
        label="Failed"
        value={
          totals.failed ? (
            <Link href={failedHref} className="underline">
              {totals.failed.toLocaleString("en")}
            </Link>
          ) : (
            "0"
          )
        }
        tone={totals.failed ? "text-red-700 dark:text-red-400" : ""}
      />
      <Figure
        label="p95 latency"
        value={totals.p95 === null ? "—" : `${totals.p95.toLocaleString("en")} ms`}
      />
    </dl>
  );
}

function Figure({ label, value, tone = "" }: { label: string; value: React.ReactNode; tone?: string }) {
  return (
    <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className={`text-xl font-semibold ${tone}`}>{value}</dd>
    </div>
  );
}
