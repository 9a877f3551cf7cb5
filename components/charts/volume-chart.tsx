"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip, legendText } from "@/components/charts/chart-tooltip";
import type { VolumeBucket } from "@/lib/tenants/tenant-volume";

/**
 * The tenant's messages and failed attempts over 7 days. A click on a bar opens the message log
 * for that span. Animations off for automated browsers and reduced motion.
 */
export function VolumeChart({ buckets, bucketMs }: { buckets: VolumeBucket[]; bucketMs: number }) {
  const router = useRouter();
  const [animate, setAnimate] = useState(false);
  useEffect(() => {
    setAnimate(!navigator.webdriver && !matchMedia("(prefers-reduced-motion: reduce)").matches);
  }, []);
  const total = buckets.reduce((n, b) => n + b.messages + b.failedAttempts, 0);
  if (total === 0)
    return (
      <p
        className="rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        data-testid="volume-chart"
        data-messages={0}
      >
        No messages in the last 7 days.
      </p>
    );
  // One tick a day, at the same bucket each day.
  const ticks = buckets.filter((_, i) => i % Math.round(86_400_000 / bucketMs) === 0).map((b) => b.at);
  const day = (at: number) =>
    new Date(at).toLocaleDateString(undefined, { weekday: "short", day: "numeric" });
  const when = (at: unknown) =>
    `${new Date(Number(at)).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" })} – ${new Date(Number(at) + bucketMs).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}`;
  const open = (data: { payload?: { at?: number } }) => {
    const at = data.payload?.at;
    if (at === undefined) return;
    const query = new URLSearchParams({
      from: new Date(at).toISOString(),
      to: new Date(at + bucketMs).toISOString(),
    });
    router.push(`/messages?${query}`);
  };
  const axis = { stroke: "currentColor", fontSize: 11, tickLine: false };
  return (
    <figure
      className="text-zinc-600 dark:text-zinc-400"
      data-testid="volume-chart"
      data-messages={buckets.reduce((n, b) => n + b.messages, 0)}
    >
      <figcaption className="sr-only">
        Messages and failed attempts per 3 hours over the last 7 days
      </figcaption>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={buckets}>
            <CartesianGrid strokeOpacity={0.15} vertical={false} />
            <XAxis dataKey="at" tickFormatter={day} ticks={ticks} interval={0} {...axis} />
            <YAxis allowDecimals={false} width={48} {...axis} />
            <Tooltip content={<ChartTooltip title={when} />} cursor={{ fillOpacity: 0.08 }} />
            <Legend formatter={legendText} />
            <Bar
              dataKey="messages"
              name="Messages"
              fill="#4f46e5"
              isAnimationActive={animate}
              cursor="pointer"
              onClick={open}
            />
            <Bar
              dataKey="failedAttempts"
              name="Failed attempts"
              fill="#dc2626"
              isAnimationActive={animate}
              cursor="pointer"
              onClick={open}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
