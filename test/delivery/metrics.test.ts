import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registry } from "@/lib/metrics/metrics";
import "@/lib/metrics/gauges";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #15: the counters and gauges an operator graphs, moved by real deliveries.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack({ METRICS_QUERY_INTERVAL: "0s", DELIVERY_RETRY_SCHEDULE: "0,1h" });
  await stack.svix.eventType.create({ name: "metric.tick", description: "" });
});
afterAll(() => stack.close());

/** One series' value from the registry ("name" or "name{label="value"}"), 0 when absent. */
async function value(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want))
    .filter((v) => !("metricName" in v) || v.metricName === name || v.metricName === `${name}_count`)
    .reduce((sum, v) => sum + v.value, 0);
}

describe("metrics", () => {
  it("count every accepted message and every attempt by outcome, with their durations", async () => {
    const ok = await startReceiver(() => ({ status: 204 }));
    const app = await stack.svix.application.create({ name: "Counted" });
    await stack.svix.endpoint.create(app.id, { url: ok.url });
    await stack.svix.endpoint.create(app.id, { url: `${ok.url}/second` });
    const before = {
      accepted: await value("hookline_messages_accepted_total"),
      success: await value("hookline_attempts_total", { outcome: "success" }),
      timed: await value("hookline_attempt_duration_seconds"),
    };
    for (let i = 0; i < 20; i++)
      await stack.svix.message.create(app.id, { eventType: "metric.tick", payload: { i } });
    await waitUntil(
      async () => (await db.delivery.count({ where: { applicationId: app.id, status: "succeeded" } })) === 40,
    );
    expect((await value("hookline_messages_accepted_total")) - before.accepted).toBe(20);
    await waitUntil(
      async () => (await value("hookline_attempts_total", { outcome: "success" })) - before.success === 40,
    );
    expect((await value("hookline_attempt_duration_seconds")) - before.timed).toBe(40);
    // A replayed idempotent request is not a second message.
    const once = { eventType: "metric.tick", payload: {} };
    await stack.svix.message.create(app.id, once, { idempotencyKey: "metrics-once" });
    await stack.svix.message.create(app.id, once, { idempotencyKey: "metrics-once" });
    expect((await value("hookline_messages_accepted_total")) - before.accepted).toBe(21);
    await ok.close();
  });

  it("count failures by kind, and show retries waiting as scheduled", async () => {
    const down = await startReceiver();
    await down.close(); // nothing listens there: connection refused
    const app = await stack.svix.application.create({ name: "Down" });
    await stack.svix.endpoint.create(app.id, { url: down.url });
    const before = {
      connection: await value("hookline_attempts_total", { outcome: "connection" }),
      scheduled: await value("hookline_deliveries_scheduled"),
    };
    for (let i = 0; i < 3; i++)
      await stack.svix.message.create(app.id, { eventType: "metric.tick", payload: { i } });
    await waitUntil(
      async () =>
        (await value("hookline_attempts_total", { outcome: "connection" })) - before.connection === 3,
    );
    // Their retry is an hour away: waiting, not due.
    await waitUntil(async () => (await value("hookline_deliveries_scheduled")) - before.scheduled >= 3);
  });

  it("show the queue's lag rising while nothing delivers, and falling once a worker is back", async () => {
    const ok = await startReceiver(() => ({ status: 200 }));
    const app = await stack.svix.application.create({ name: "Lag" });
    await stack.svix.endpoint.create(app.id, { url: ok.url });
    await stack.stopWorker();
    expect(await value("hookline_worker_in_flight")).toBe(0);
    for (let i = 0; i < 5; i++)
      await stack.svix.message.create(app.id, { eventType: "metric.tick", payload: { i } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await value("hookline_deliveries_due")).toBeGreaterThanOrEqual(5);
    expect(await value("hookline_oldest_due_delivery_age_seconds")).toBeGreaterThan(1);
    await stack.restartWorker();
    await waitUntil(
      async () => (await db.delivery.count({ where: { applicationId: app.id, status: "succeeded" } })) === 5,
    );
    await waitUntil(async () => (await value("hookline_oldest_due_delivery_age_seconds")) === 0);
    expect(await value("hookline_deliveries_due")).toBe(0);
    expect(await value("hookline_db_pool_connections")).toBeGreaterThan(0);
    await ok.close();
  });

  it("carry no tenant, endpoint or message id as a label", async () => {
    const text = await registry.metrics();
    expect(text).not.toMatch(/(org|ep|msg|app|dlv)_[0-9A-Za-z]{22}/);
    expect(text).toContain("hookline_endpoints_disabled_total");
  });
});
