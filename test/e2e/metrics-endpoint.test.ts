import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startApp } from "../support/app-process";
import { freshDatabase } from "../support/database";

// Issue #15: /metrics on the API process, behind METRICS_TOKEN, with route templates as labels.
const TOKEN = "metrics-token-for-the-test-0123456789";
let app: AppProcess;

beforeAll(async () => {
  app = await startApp(await freshDatabase(), { METRICS_TOKEN: TOKEN, API_RATE_LIMIT: "5" });
}, 600_000);
afterAll(() => app?.stop());

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${app.url}/metrics`, { headers });

describe("/metrics", () => {
  it("answers only with the token, as JSON errors otherwise", async () => {
    const none = await scrape({});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await none.json()).toMatchObject({ code: "authentication_failed" });
    expect((await scrape({ authorization: "Bearer wrong-token-wrong-token-wrong!" })).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    const post = await fetch(`${app.url}/metrics`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(post.status).toBe(405);
  });

  it("labels API requests by route template and status, never by id, and is off the API's rate limit", async () => {
    const svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
    const application = await svix.application.create({ name: "Scraped" });
    await svix.message.create(application.id, { eventType: "user.created", payload: {} });
    await expect(svix.application.get("app_does_not_exist")).rejects.toMatchObject({ code: 404 });
    // Far more scrapes than API_RATE_LIMIT (5/s) allows API calls: none is refused.
    const statuses = await Promise.all(Array.from({ length: 20 }, () => scrape().then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
    const text = await (await scrape()).text();
    expect(text).toMatch(
      /hookline_http_requests_total\{route="\/api\/v1\/app\/\{app_id\}\/msg",method="POST",status="202"\} 1/,
    );
    expect(text).toMatch(
      /hookline_http_requests_total\{route="\/api\/v1\/app\/\{app_id\}",method="GET",status="404"\} 1/,
    );
    expect(text).toMatch(
      /hookline_http_request_duration_seconds_bucket\{le="[^"]+",route="\/api\/v1\/app",method="POST"\}/,
    );
    expect(text).toMatch(/hookline_messages_accepted_total \d+/);
    expect(text).toMatch(/hookline_worker_in_flight \d+/);
    expect(text).toMatch(/hookline_process_cpu_seconds_total/);
    expect(text).not.toContain(application.id);
  });
});
