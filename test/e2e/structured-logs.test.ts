import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startApp } from "../support/app-process";
import { freshDatabase } from "../support/database";
import { FAST_DELIVERY_ENV } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #15: JSON log lines with a request id, the tenant, the route and the outcome; never a
// payload, a secret or an API key.
let app: AppProcess;
let apiKey: string;

beforeAll(async () => {
  app = await startApp(await freshDatabase(), {
    ...FAST_DELIVERY_ENV,
    LOG_FORMAT: "json",
    DELIVERY_RETRY_SCHEDULE: "0,1h",
  });
  apiKey = /Demo API key:\s+(\S+)/.exec(app.output())![1]!;
}, 600_000);
afterAll(() => app?.stop());

const jsonLines = () =>
  app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("structured logs", () => {
  it("log each request once, as JSON, with its id (also sent back), tenant, route, status and duration", async () => {
    const svix = new Svix(apiKey, { serverUrl: app.url });
    const application = await svix.application.create({ name: "Logged" });
    const response = await fetch(`${app.url}/api/v1/app/${application.id}`, {
      headers: { authorization: `Bearer ${apiKey}`, "x-request-id": "trace-abc-123456" },
    });
    expect(response.headers.get("x-request-id")).toBe("trace-abc-123456");
    const mine = await waitUntil(
      async () =>
        jsonLines().filter((l) => l.reqId === "trace-abc-123456").length === 1 &&
        jsonLines().find((l) => l.reqId === "trace-abc-123456"),
    );
    expect(mine).toMatchObject({
      level: 30,
      msg: "request",
      method: "GET",
      route: "/api/v1/app/{app_id}",
      status: 200,
      tenantId: expect.stringMatching(/^org_/),
    });
    expect(mine.durationMs).toEqual(expect.any(Number));
    // A request id of our own when the caller sends none (or one that is not an id).
    const other = await fetch(`${app.url}/api/v1/app`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(other.status).toBe(401);
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("log a failed attempt with its ids and outcome, and never a payload, secret or key", async () => {
    const down = await startReceiver();
    await down.close();
    const svix = new Svix(apiKey, { serverUrl: app.url });
    const application = await svix.application.create({ name: "Secrets" });
    const endpoint = await svix.endpoint.create(application.id, {
      url: down.url,
      headers: { Authorization: "Bearer header-secret-value-42" },
    });
    const message = await svix.message.create(application.id, {
      eventType: "user.created",
      payload: { password: "payload-secret-value-42", card: "4242424242424242" },
    });
    const failed = await waitUntil(
      async () => jsonLines().find((l) => l.msg === "attempt failed" && l.msgId === message.id),
      20_000,
    );
    expect(failed).toMatchObject({
      endpointId: endpoint.id,
      deliveryId: expect.stringMatching(/^dlv_/),
      tenantId: expect.stringMatching(/^org_/),
      outcome: "connection",
    });
    // Every log line (the banner, which prints the demo key on purpose, is not a log line).
    const logs = app
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .join("\n");
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of ["payload-secret-value-42", "4242424242424242", "header-secret-value-42", apiKey])
      expect(logs).not.toContain(secret);
  });
});
