import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { INSPECTOR_KEEPS, INSPECTOR_RATE } from "@/lib/inspector/receive-request";
import { startDeliveryStack } from "../support/delivery-stack";
import { createTestTenant } from "../support/fixtures";
import { waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "invoice.paid", description: "" });
});
afterAll(() => stack.close());

interface InspectorOut {
  id: string;
  url: string;
  expiresAt: string;
  responseStatus: number;
}
interface RequestOut {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  bodyEncoding: string;
  signatureValid?: boolean;
}

const api = (path: string, init: RequestInit = {}, key = stack.tenant.apiKey) =>
  fetch(`${stack.api.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
  });

async function newInspector(body: object = {}): Promise<InspectorOut & { local: string }> {
  const res = await api("/inspector", { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  const out = (await res.json()) as InspectorOut;
  // The URL names APP_URL; the test server is elsewhere on loopback.
  return { ...out, local: `${stack.api.url}${new URL(out.url).pathname}` };
}

async function requests(id: string, query = ""): Promise<RequestOut[]> {
  const res = await api(`/inspector/${id}/request${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: RequestOut[] }).data;
}

describe("request inspector", () => {
  it("records any method, path, query, headers and body, newest first, answering 200", async () => {
    const inspector = await newInspector({ name: "trying" });
    expect(inspector.url).toMatch(/\/in\/[A-Za-z0-9_-]{22}$/); // 128 random bits
    expect(new Date(inspector.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const posted = await fetch(inspector.local, {
      method: "POST",
      headers: { "content-type": "application/json", "x-custom": "yes" },
      body: '{"hello":"wörld"}',
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ received: true, id: expect.stringMatching(/^ireq_/) });
    await fetch(`${inspector.local}/deep/path?a=1&b=two`, { method: "PUT", body: "plain" });
    await fetch(`${inspector.local}?q=1`);
    await fetch(inspector.local, { method: "POST", body: Buffer.from([0xff, 0x00, 0x01]) });
    const [binary, get, put, post] = await requests(inspector.id);
    expect(post).toMatchObject({
      method: "POST",
      path: "/",
      body: '{"hello":"wörld"}',
      bodyEncoding: "utf8",
    });
    expect(post!.headers["x-custom"]).toBe("yes");
    expect(put).toMatchObject({ method: "PUT", path: "/deep/path", query: "a=1&b=two", body: "plain" });
    expect(get).toMatchObject({ method: "GET", query: "q=1", body: "" });
    expect(binary).toMatchObject({
      bodyEncoding: "base64",
      body: Buffer.from([0xff, 0x00, 0x01]).toString("base64"),
    });
    expect((await requests(inspector.id, "?limit=2")).map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("checks signatures of real deliveries against an endpoint's keys; a tampered copy fails", async () => {
    const inspector = await newInspector();
    const app = await stack.svix.application.create({ name: "Inspected" });
    const ep = await stack.svix.endpoint.create(app.id, { url: inspector.local });
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { amount: 7 } });
    await waitUntil(async () => (await requests(inspector.id)).length === 1);
    const [delivered] = await requests(inspector.id);
    // Replayed with the same headers but another body: the signature no longer fits.
    await fetch(inspector.local, {
      method: "POST",
      headers: Object.fromEntries(
        Object.entries(delivered!.headers).filter(([k]) => k.startsWith("webhook-") || k === "content-type"),
      ),
      body: '{"amount":7000}',
    });
    const checked = await requests(inspector.id, `?endpoint_id=${ep.id}`);
    expect(checked.map((r) => r.signatureValid)).toEqual([false, true]);
    // Without endpoint_id, no verdict; another tenant's endpoint is a 404.
    expect((await requests(inspector.id))[0]).not.toHaveProperty("signatureValid");
    const other = await createTestTenant("inspector-other");
    const otherApp = await db.application.create({
      data: { id: `app_other${Date.now()}`, tenantId: other.tenantId, name: "x" },
    });
    const foreign = await db.endpoint.create({
      data: {
        id: `ep_other${Date.now()}`,
        tenantId: other.tenantId,
        applicationId: otherApp.id,
        url: "https://x.test",
      },
    });
    expect((await api(`/inspector/${inspector.id}/request?endpoint_id=${foreign.id}`)).status).toBe(404);

    // Ed25519: the same check with the whpk_ side of the key.
    await stack.svix.endpoint.rotateSecret(app.id, ep.id, {});
    await fetch(`${stack.api.url}/api/v1/app/${app.id}/endpoint/${ep.id}/secret/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ keyType: "ed25519" }),
    });
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { amount: 8 } });
    await waitUntil(async () => (await requests(inspector.id)).length === 3);
    const [latest] = await requests(inspector.id, `?endpoint_id=${ep.id}`);
    expect(latest!.headers["webhook-signature"]).toContain("v1a,");
    expect(latest!.signatureValid).toBe(true);
  });

  it("answers with the status chosen per inspector, so retries can be watched", async () => {
    const inspector = await newInspector({ responseStatus: 503 });
    const res = await fetch(inspector.local, { method: "POST", body: "{}" });
    expect(res.status).toBe(503);
    const app = await stack.svix.application.create({ name: "Retried" });
    await stack.svix.endpoint.create(app.id, { url: inspector.local });
    const msg = await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: {} });
    await waitUntil(async () => (await db.messageAttempt.count({ where: { messageId: msg.id } })) >= 2);
    const attempts = await db.messageAttempt.findMany({ where: { messageId: msg.id } });
    expect(attempts.every((a) => a.responseStatusCode === 503)).toBe(true);
    const patched = await api(`/inspector/${inspector.id}`, {
      method: "PATCH",
      body: JSON.stringify({ responseStatus: 204 }),
    });
    expect(((await patched.json()) as InspectorOut).responseStatus).toBe(204);
    expect((await fetch(inspector.local, { method: "POST", body: "{}" })).status).toBe(204);
    expect((await api("/inspector", { method: "POST", body: '{"responseStatus":99}' })).status).toBe(422);
  });

  it("refuses bodies over 1 MiB, takes a limited rate, keeps the latest 1,000, and expires", async () => {
    const inspector = await newInspector();
    const big = await fetch(inspector.local, { method: "POST", body: "x".repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(await requests(inspector.id)).toHaveLength(0);

    // Kept: the newest 1,000, whatever came before.
    await db.inspectorRequest.createMany({
      data: Array.from({ length: INSPECTOR_KEEPS }, (_, i) => ({
        id: newId("ireq", Date.now() - 3_600_000 + i),
        inspectorId: inspector.id,
        method: "POST",
        path: "/",
        query: "",
        headers: {},
        body: String(i),
      })),
    });
    const oldest = await db.inspectorRequest.findFirstOrThrow({
      where: { inspectorId: inspector.id },
      orderBy: { id: "asc" },
    });
    await fetch(inspector.local, { method: "POST", body: "newest" });
    expect(await db.inspectorRequest.count({ where: { inspectorId: inspector.id } })).toBe(INSPECTOR_KEEPS);
    expect(await db.inspectorRequest.count({ where: { id: oldest.id } })).toBe(0);
    expect((await requests(inspector.id, "?limit=1"))[0]!.body).toBe("newest");

    const flooded = await newInspector();
    const statuses = [];
    for (let i = 0; i <= INSPECTOR_RATE.points; i++)
      statuses.push((await fetch(flooded.local, { method: "POST", body: "{}" })).status);
    expect(statuses.slice(0, INSPECTOR_RATE.points).every((s) => s === 200)).toBe(true);
    const limited = await fetch(flooded.local, { method: "POST", body: "{}" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another inspector is not held back by that one.
    expect((await fetch(inspector.local, { method: "POST", body: "{}" })).status).toBe(200);

    await db.inspector.update({
      where: { id: inspector.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await fetch(inspector.local, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await api(`/inspector/${inspector.id}`)).status).toBe(404);
    expect((await fetch(`${stack.api.url}/in/not-a-token`)).status).toBe(404);
    expect((await api(`/inspector/${flooded.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/inspector/${flooded.id}/request`)).status).toBe(404);
  });
});
