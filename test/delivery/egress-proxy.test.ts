import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { freePort } from "@/lib/db/embedded";
import { deliveryConfig } from "@/lib/delivery/config";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { endpointOverview } from "@/lib/endpoints/endpoint-overview";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #16 item 3: DELIVERY_PROXY_URL sends every delivery through an HTTP CONNECT proxy (fixed
// source addresses), after the SSRF guard has checked the address: the proxy is asked for that
// address, never the name, and what the guard blocks never reaches it.
const tunnels: string[] = [];
let proxy: http.Server;
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  // A forward proxy on loopback that only does CONNECT, and notes every tunnel it opens.
  proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // As Squid does: an upstream that refuses is a 502 to the client.
    upstream.on("error", () => client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n"));
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  stack = await startDeliveryStack({
    DELIVERY_PROXY_URL: `http://127.0.0.1:${port}`,
    DELIVERY_EGRESS_IPS: "203.0.113.10, 203.0.113.11",
  });
  await stack.svix.eventType.create({ name: "via.proxy", description: "" });
});

afterAll(async () => {
  await stack?.close();
  proxy?.close();
});

describe("egress through a CONNECT proxy", () => {
  it("tunnels every delivery to the checked address, keeping the endpoint's Host, and the signature verifies", async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    const port = new URL(receiver.url).port;
    const app = await stack.svix.application.create({ name: "Proxied" });
    // By name: the guard resolves it and the proxy is asked for the address it checked.
    const ep = await stack.svix.endpoint.create(app.id, { url: `http://localhost:${port}/hook` });
    const { key } = await stack.svix.endpoint.getSecret(app.id, ep.id);
    for (let i = 0; i < 3; i++)
      await stack.svix.message.create(app.id, { eventType: "via.proxy", payload: { i } });
    await receiver.waitFor(3);
    expect(tunnels.filter((t) => t === `127.0.0.1:${port}`).length).toBeGreaterThanOrEqual(1);
    expect(tunnels.some((t) => t.startsWith("localhost"))).toBe(false);
    for (const req of receiver.requests) {
      expect(req.headers.host).toBe(`localhost:${port}`);
      const headers = {
        "webhook-id": String(req.headers["webhook-id"]),
        "webhook-timestamp": String(req.headers["webhook-timestamp"]),
        "webhook-signature": String(req.headers["webhook-signature"]),
      };
      expect(() => new StandardWebhook(key.slice("whsec_".length)).verify(req.body, headers)).not.toThrow();
    }
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: ep.id, status: "succeeded" } })) === 3,
    );
    await receiver.close();
  });

  it("still blocks what the guard blocks: the proxy is never asked", async () => {
    const app = await stack.svix.application.create({ name: "Blocked" });
    const ep = await stack.svix.endpoint.create(app.id, { url: "http://10.1.2.3/hook" });
    const before = tunnels.length;
    await stack.svix.message.create(app.id, { eventType: "via.proxy", payload: {} });
    const attempt = await waitUntil(() => db.messageAttempt.findFirst({ where: { endpointId: ep.id } }));
    expect(attempt).toMatchObject({ outcome: "failure", errorKind: "ssrf_blocked" });
    expect(tunnels.length).toBe(before);
  });

  it("checks a new endpoint's URL through the proxy too", async () => {
    const receiver = await startReceiver();
    const before = tunnels.length;
    expect(await checkEndpointUrl(receiver.url)).toMatchObject({ ok: true });
    expect(tunnels.slice(before)).toEqual([`127.0.0.1:${new URL(receiver.url).port}`]);
    await receiver.close();
    expect(await checkEndpointUrl(receiver.url)).toMatchObject({ ok: false, kind: "refused" });
    const unreachable = await checkEndpointUrl(receiver.url, {
      ...deliveryConfig().guard,
      proxy: `http://127.0.0.1:${await freePort()}`,
    });
    expect(unreachable).toMatchObject({ ok: false, kind: "refused" });
    expect(unreachable.message).toContain("DELIVERY_PROXY_URL");
  });

  it("tells endpoint pages where deliveries come from (DELIVERY_EGRESS_IPS)", async () => {
    const app = await stack.svix.application.create({ name: "Firewalled" });
    const ep = await stack.svix.endpoint.create(app.id, { url: "https://example.com/hook" });
    const overview = await endpointOverview(stack.tenant.tenantId, app.id, ep.id, "24h");
    expect(overview.egressIps).toEqual(["203.0.113.10", "203.0.113.11"]);
  });
});
