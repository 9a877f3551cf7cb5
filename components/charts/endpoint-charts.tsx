"use client";

import { useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { EndpointChart } from "@/lib/endpoints/endpoint-chart";

const colors = { success: "#10b981", failure: "#ef4444", pending: "#a1a1aa", p50: "#6366f1", p95: "#f59e0b" };

/**
 * Attempts by outcome, success rate, latency p50/p95 and status codes for one endpoint.
 * Animations are off for automated browsers and for people who asked for reduced motion.
 */
export function EndpointCharts({ chart }: { chart: EndpointChart }) {
  const [animate, setAnimate] = useState(false);
  useEffect(() => {
    setAnimate(!navigator.webdriver && !matchMedia("(prefers-reduced-motion: reduce)").matches);
  }, []);
  const long = chart.bucketMs >= 3_600_000 * 3;
  const tick = (at: number) =>
    new Date(at).toLocaleString(
      undefined,
      long ? { month: "short", day: "numeric", hour: "2-digit" } : { hour: "2-digit", minute: "2-digit" },
    );
  const label = (at: unknown) => new Date(Number(at)).toLocaleString();
  const total = chart.buckets.reduce((n, b) => n + b.success + b.failure, 0);
  const axis = { stroke: "currentColor", fontSize: 11, tickLine: false };
  const timeAxis = { dataKey: "at", tickFormatter: tick, minTickGap: 24, ...axis };
  const line = { dot: { r: 2 }, connectNulls: true, isAnimationActive: animate };
  const codeLabel = (code: number) => (code === 0 ? "no response" : String(code));
  return (
    <div
      className="grid gap-6 text-zinc-500 dark:text-zinc-400 lg:grid-cols-2"
      data-testid="endpoint-charts"
      data-attempts={total}
    >
      <Panel title="Attempts by outcome">
        <BarChart data={chart.buckets}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis {...timeAxis} />
          <YAxis allowDecimals={false} {...axis} width={40} />
          <Tooltip labelFormatter={label} />
          <Legend />
          <Bar
            dataKey="success"
            stackId="o"
            fill={colors.success}
            name="Succeeded"
            isAnimationActive={animate}
          />
          <Bar
            dataKey="failure"
            stackId="o"
            fill={colors.failure}
            name="Failed"
            isAnimationActive={animate}
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
          <YAxis domain={[0, 100]} {...axis} width={40} />
          <Tooltip labelFormatter={label} />
          <Line dataKey="successRate" stroke={colors.success} name="Success rate" {...line} />
        </LineChart>
      </Panel>
      <Panel title="Latency (ms)">
        <LineChart data={chart.buckets}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis {...timeAxis} />
          <YAxis {...axis} width={48} />
          <Tooltip labelFormatter={label} />
          <Legend />
          <Line dataKey="p50" stroke={colors.p50} name="p50" {...line} />
          <Line dataKey="p95" stroke={colors.p95} name="p95" {...line} />
        </LineChart>
      </Panel>
      <Panel title="Status codes" empty={chart.statusCodes.length === 0}>
        <BarChart data={chart.statusCodes.map((c) => ({ ...c, label: codeLabel(c.code) }))}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="label" {...axis} />
          <YAxis allowDecimals={false} {...axis} width={40} />
          <Tooltip />
          <Bar dataKey="count" name="Attempts" fill={colors.p50} isAnimationActive={animate} />
        </BarChart>
      </Panel>
    </div>
  );
}

function Panel({ title, empty, children }: { title: string; empty?: boolean; children: React.ReactElement }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">{title}</figcaption>
      <div className="h-56">
        {empty ? (
          <p className="flex h-full items-center justify-center text-sm">No attempts in this range.</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
