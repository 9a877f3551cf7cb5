"use client";

import { useRouter } from "next/navigation";
import { type ReactElement, useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartTooltip, legendText } from "@/components/charts/chart-tooltip";
import type { EndpointChart } from "@/lib/endpoints/endpoint-chart";

const colors = { success: "#059669", failure: "#dc2626", pending: "#a1a1aa", p50: "#6366f1", p95: "#d97706" };

/** A status code's colour by class: 2xx green, 3xx blue, 4xx amber, 5xx red, no response grey. */
export function statusCodeColor(code: number): string {
  if (code >= 200 && code < 300) return colors.success;
  if (code >= 300 && code < 400) return "#0284c7";
  if (code >= 400 && code < 500) return colors.p95;
  if (code >= 500) return colors.failure;
  return "#71717a";
}

/**
 * Attempts by outcome, success rate, latency p50/p95 and status codes for one endpoint. A click
 * on a bar opens the matching attempts (`attemptsHref` plus the bar's span, outcome or code).
 * Animations are off for automated browsers and for people who asked for reduced motion.
 */
export function EndpointCharts({ chart, attemptsHref }: { chart: EndpointChart; attemptsHref: string }) {
  const router = useRouter();
  const [animate, setAnimate] = useState(false);
  useEffect(() => {
    setAnimate(!navigator.webdriver && !matchMedia("(prefers-reduced-motion: reduce)").matches);
  }, []);
  const open = (params: Record<string, string | number>) => {
    const url = new URL(attemptsHref, window.location.origin);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    router.push(`${url.pathname}${url.search}`);
  };
  const pending = chart.buckets.reduce((n, b) => n + b.pending, 0);
  if (chart.totals.attempts === 0 && pending === 0)
    return (
      <p
        className="rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        data-testid="endpoint-charts"
        data-attempts={0}
      >
        No deliveries in this range yet. Send a test event, or pick a longer range.
      </p>
    );
  const long = chart.bucketMs >= 3_600_000 * 3;
  const tick = (at: number) =>
    new Date(at).toLocaleString(
      undefined,
      long ? { month: "short", day: "numeric", hour: "2-digit" } : { hour: "2-digit", minute: "2-digit" },
    );
  const when = (at: unknown) =>
    `${new Date(Number(at)).toLocaleString()} – ${new Date(Number(at) + chart.bucketMs).toLocaleTimeString()}`;
  // The same six evenly spaced ticks on every time chart, whatever the labels' widths.
  const every = Math.ceil(chart.buckets.length / 6);
  const ticks = chart.buckets.filter((_, i) => i % every === 0).map((b) => b.at);
  const axis = { stroke: "currentColor", fontSize: 11, tickLine: false };
  const timeAxis = { dataKey: "at", tickFormatter: tick, ticks, interval: 0 as const, ...axis };
  // A filled dot, so a single point in an otherwise empty range is seen.
  const line = (color: string) => ({
    stroke: color,
    dot: { r: 3, fill: color, strokeWidth: 0 },
    activeDot: { r: 5 },
    connectNulls: true,
    isAnimationActive: animate,
  });
  const codeLabel = (code: number) => (code === 0 ? "no response" : String(code));
  const bar = (outcome: "success" | "failure") => ({
    cursor: "pointer",
    onClick: (data: { payload?: { at?: number } }) => {
      const at = data.payload?.at;
      if (at !== undefined) open({ from: at, until: at + chart.bucketMs, outcome });
    },
  });
  return (
    <div
      className="grid gap-6 text-zinc-600 dark:text-zinc-400 lg:grid-cols-2"
      data-testid="endpoint-charts"
      data-attempts={chart.totals.attempts}
    >
      <Panel title="Attempts by outcome" hint="Click a bar to see its attempts.">
        <BarChart data={chart.buckets}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis {...timeAxis} />
          <YAxis allowDecimals={false} {...axis} width={40} />
          <Tooltip content={<ChartTooltip title={when} />} cursor={{ fillOpacity: 0.08 }} />
          <Legend formatter={legendText} />
          <Bar
            dataKey="success"
            stackId="o"
            fill={colors.success}
            name="Succeeded"
            isAnimationActive={animate}
            {...bar("success")}
          />
          <Bar
            dataKey="failure"
            stackId="o"
            fill={colors.failure}
            name="Failed"
            isAnimationActive={animate}
            {...bar("failure")}
          />
          <Bar
            dataKey="pending"
            stackId="o"
            fill={colors.pending}
            name="Pending"
            isAnimationActive={animate}
          />
        </BarChart>
      </Panel>
      <Panel title="Success rate (%)">
        <LineChart data={chart.buckets}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis {...timeAxis} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} {...axis} width={40} />
          <Tooltip content={<ChartTooltip title={when} unit="%" />} />
          <Line dataKey="successRate" name="Success rate" {...line(colors.success)} />
        </LineChart>
      </Panel>
      <Panel title="Latency (ms)">
        <LineChart data={chart.buckets}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis {...timeAxis} />
          <YAxis {...axis} width={48} />
          <Tooltip content={<ChartTooltip title={when} unit=" ms" />} />
          <Legend formatter={legendText} />
          <Line dataKey="p50" name="p50" {...line(colors.p50)} />
          <Line dataKey="p95" name="p95" {...line(colors.p95)} />
        </LineChart>
      </Panel>
      <Panel title="Status codes" hint="Click a bar to see those attempts.">
        <BarChart data={chart.statusCodes.map((c) => ({ ...c, label: codeLabel(c.code) }))}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="label" {...axis} />
          <YAxis allowDecimals={false} {...axis} width={40} />
          <Tooltip
            content={<ChartTooltip title={(label) => `HTTP ${label}`} />}
            cursor={{ fillOpacity: 0.08 }}
          />
          <Bar
            dataKey="count"
            name="Attempts"
            maxBarSize={56}
            isAnimationActive={animate}
            cursor="pointer"
            onClick={(data: { payload?: { code?: number } }) => {
              if (data.payload?.code !== undefined)
                open({ code: data.payload.code, from: chart.from, until: chart.to });
            }}
          >
            {chart.statusCodes.map((c) => (
              <Cell key={c.code} fill={statusCodeColor(c.code)} />
            ))}
          </Bar>
        </BarChart>
      </Panel>
    </div>
  );
}

function Panel({ title, hint, children }: { title: string; hint?: string; children: ReactElement }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {title}
        {hint ? (
          <span className="ml-2 text-xs font-normal text-zinc-600 dark:text-zinc-400">{hint}</span>
        ) : null}
      </figcaption>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
