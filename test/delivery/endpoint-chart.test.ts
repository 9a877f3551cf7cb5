import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { CHART_RANGES, endpointChart } from "@/lib/endpoints/endpoint-chart";
import { rollupAttempts, rollupWatermark } from "@/lib/stats/rollup-attempts";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

const ATTEMPTS = 1_000_000;
const ENDPOINTS = 10;
const DAY = 86_400_000;

// The chart must be computed in SQL over an index range, never by loading attempts: seed a large
// history (1M attempts over 10 endpoints and 30 days) and check the plan, the row counts and the sums.
let tenantId: string;
let endpointIds: string[];
const now = new Date();

beforeAll(async () => {
  await freshDatabase();
  ({ tenantId } = await createTestTenant("chart"));
  const { app } = await createApplication(tenantId, { name: "Chart" });
  endpointIds = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    endpointIds.push((await createEndpoint(tenantId, app.id, { url: `https://example.com/${i}` })).id);
  }
  await db.$executeRaw`
    INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", payload)
    VALUES ('msg_chart', ${tenantId}, ${app.id}, 'chart.seed', '{}')`;
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "updatedAt")
    SELECT 'dlv_chart_' || n, '${tenantId}', '${app.id}', 'msg_chart', ep, 'succeeded', now()
      FROM unnest($1::text[]) WITH ORDINALITY AS e(ep, n)`,
    endpointIds,
  );
  // Attempt i: endpoint i % 10, spread evenly over the last 30 days; every 7th fails with a 500,
  // every 13th of those is a timeout (status 0); durations 10–1009 ms.
  await db.$executeRawUnsafe(
    `
    INSERT INTO "MessageAttempt" (id, "tenantId", "applicationId", "messageId", "endpointId", "deliveryId", url,
                                  outcome, "responseStatusCode", "durationMs", "createdAt")
    SELECT 'atmpt_chart_' || i, $1, $2, 'msg_chart', ($3::text[])[i % 10 + 1], 'dlv_chart_' || (i % 10 + 1),
           'https://example.com', CASE WHEN i % 7 = 0 THEN 'failure' ELSE 'success' END::"AttemptOutcome",
           CASE WHEN i % 91 = 0 THEN 0 WHEN i % 7 = 0 THEN 500 ELSE 200 END, 10 + i % 1000,
           $4::timestamptz - (i * (30 * 86400000.0 / ${ATTEMPTS}) || ' milliseconds')::interval
      FROM generate_series(1, ${ATTEMPTS - 1}) AS i`,
    tenantId,
    app.id,
    endpointIds,
    now,
  );
  await db.$executeRawUnsafe(`ANALYZE "MessageAttempt"`);
}, 600_000);
afterAll(() => db.$disconnect());

describe("endpoint chart over a million attempts", () => {
  it("aggregates one endpoint's 30 days in SQL into at most 61 buckets and 20 status codes, with exact sums", async () => {
    const endpointId = endpointIds[3]!;
    const started = performance.now();
    const chart = await endpointChart(tenantId, endpointId, "30d", now);
    const ms = performance.now() - started;
    console.info(`chart 30d over ${ATTEMPTS} attempts: ${ms.toFixed(0)} ms`);

    expect(chart.buckets.length).toBeLessThanOrEqual(61);
    expect(chart.buckets.length).toBe(CHART_RANGES["30d"].spanMs / CHART_RANGES["30d"].bucketMs);
    expect(chart.statusCodes.length).toBeLessThanOrEqual(20);
    const [expected] = await db.$queryRaw<{ ok: bigint; bad: bigint }[]>`
      SELECT count(*) FILTER (WHERE outcome = 'success') AS ok, count(*) FILTER (WHERE outcome = 'failure') AS bad
        FROM "MessageAttempt" WHERE "endpointId" = ${endpointId} AND "createdAt" >= ${new Date(chart.from)}`;
    expect(chart.buckets.reduce((n, b) => n + b.success, 0)).toBe(Number(expected!.ok));
    expect(chart.buckets.reduce((n, b) => n + b.failure, 0)).toBe(Number(expected!.bad));
    // The window starts on a bucket boundary, so up to half a day of the oldest history falls outside.
    expect(Number(expected!.ok) + Number(expected!.bad)).toBeGreaterThan((ATTEMPTS / ENDPOINTS) * 0.98);
    expect(new Set(chart.statusCodes.map((c) => c.code))).toEqual(new Set([200, 500, 0]));
    // The headline numbers are the same sums, over the whole range.
    expect(chart.totals).toMatchObject({ succeeded: Number(expected!.ok), failed: Number(expected!.bad) });
    expect(chart.totals.attempts).toBe(Number(expected!.ok) + Number(expected!.bad));
    expect(chart.totals.p95).toBeGreaterThan(0);
    const rate = chart.buckets.find((b) => b.successRate !== null)!.successRate!;
    expect(rate).toBeGreaterThan(80);
    expect(rate).toBeLessThan(90);
  });

  it("reads attempts through the (endpointId, createdAt) index, not a scan of the table", async () => {
    const from = new Date(now.getTime() - 30 * DAY);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT date_bin('43200 seconds'::interval, "createdAt", $3) AS at, count(*)
         FROM "MessageAttempt"
        WHERE "endpointId" = $1 AND "tenantId" = $2 AND "createdAt" >= $3 AND "createdAt" < $4
        GROUP BY 1`,
      endpointIds[3],
      tenantId,
      from,
      now,
    );
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("MessageAttempt_endpointId_createdAt_idx");
    expect(text).not.toMatch(/Seq Scan on "MessageAttempt"/);
  });

  it("shows an hour with one-minute buckets, empty ones included", async () => {
    const chart = await endpointChart(tenantId, endpointIds[0]!, "1h", now);
    expect(chart.buckets).toHaveLength(60);
    expect(chart.buckets.every((b) => b.at >= chart.from && b.at < chart.to)).toBe(true);
  });

  it("reads 7 and 30 days from the hourly rollup: the same counts and codes, close percentiles, with the attempts gone", async () => {
    const endpointId = endpointIds[5]!;
    const raw = await endpointChart(tenantId, endpointId, "30d", now);
    let started = performance.now();
    const watermark = await rollupAttempts(now);
    const rollupMs = performance.now() - started;
    expect(await rollupWatermark()).toEqual(watermark);
    started = performance.now();
    const rolled = await endpointChart(tenantId, endpointId, "30d", now);
    const rolledMs = performance.now() - started;
    console.info(
      `rollup of ${ATTEMPTS} attempts: ${rollupMs.toFixed(0)} ms; 30d chart from it: ${rolledMs.toFixed(0)} ms`,
    );

    expect(rolled.buckets.map((b) => [b.at, b.success, b.failure])).toEqual(
      raw.buckets.map((b) => [b.at, b.success, b.failure]),
    );
    expect(new Map(rolled.statusCodes.map((c) => [c.code, c.count]))).toEqual(
      new Map(raw.statusCodes.map((c) => [c.code, c.count])),
    );
    expect(rolled.totals).toMatchObject({ succeeded: raw.totals.succeeded, failed: raw.totals.failed });
    // Percentiles over several hours are the hours' own, weighted: close, not exact.
    expect(Math.abs(rolled.totals.p95! - raw.totals.p95!)).toBeLessThan(raw.totals.p95! * 0.1);
    // Idempotent: a second run changes nothing.
    await rollupAttempts(now);
    expect((await endpointChart(tenantId, endpointId, "7d", now)).totals.succeeded).toBe(
      (await endpointChart(tenantId, endpointId, "7d", now)).totals.succeeded,
    );

    // Retention deletes attempts older than a day: the 30-day chart is unchanged.
    await db.$executeRaw`DELETE FROM "MessageAttempt" WHERE "createdAt" < ${new Date(watermark.getTime() - DAY)}`;
    const after = await endpointChart(tenantId, endpointId, "30d", now);
    expect(after.buckets.map((b) => [b.success, b.failure])).toEqual(
      rolled.buckets.map((b) => [b.success, b.failure]),
    );
    expect(after.totals).toEqual(rolled.totals);
  });
});
