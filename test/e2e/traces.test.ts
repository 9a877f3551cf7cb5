import http from "node:http";
import type { AddressInfo } from "node:net";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startApp } from "../support/app-process";
import { freshDatabase } from "../support/database";
import { FAST_DELIVERY_ENV } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #15: with OTEL_EXPORTER_OTLP_ENDPOINT set, one trace runs from the API request that
// accepted a message, through its enqueue, to each delivery attempt (made later, by the worker).
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

const spans: OtlpSpan[] = [];
let collector: http.Server;
let app: AppProcess;

beforeAll(async () => {
  // An OTLP/HTTP collector on loopback that keeps what it is sent (JSON encoding).
  collector = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parsed = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const r of parsed.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  app = await startApp(await freshDatabase(), {
    ...FAST_DELIVERY_ENV,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    OTEL_BSP_SCHEDULE_DELAY: "200",
  });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  collector?.close();
});

const attribute = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
};

describe("traces", () => {
  it("link the request, the enqueue and every attempt in one trace, continuing the caller's", async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    const svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
    const application = await svix.application.create({ name: "Traced" });
    await svix.endpoint.create(application.id, { url: receiver.url });
    await svix.endpoint.create(application.id, { url: `${receiver.url}/two` });
    // The caller's own trace: ours must continue it.
    const callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await fetch(`${app.url}/api/v1/app/${application.id}/msg`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${/Demo API key:\s+(\S+)/.exec(app.output())![1]!}`,
        "content-type": "application/json",
        traceparent: `00-${callerTrace}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ eventType: "user.created", payload: { traced: true } }),
    });
    expect(res.status).toBe(202);
    const { id: messageId } = (await res.json()) as { id: string };

    const attempts = await waitUntil(async () => {
      const found = spans.filter(
        (s) => s.name === "hookline.attempt" && attribute(s, "hookline.message_id") === messageId,
      );
      return found.length === 2 && found;
    }, 20_000);
    const request = spans.find(
      (s) => s.name === "POST /api/v1/app/{app_id}/msg" && s.traceId === callerTrace,
    );
    const enqueue = spans.find(
      (s) => s.name === "hookline.enqueue" && attribute(s, "hookline.message_id") === messageId,
    );
    expect(request).toBeDefined();
    expect(request!.parentSpanId).toBe("00f067aa0ba902b7");
    expect(attribute(request!, "http.response.status_code")).toBe(202);
    expect(enqueue).toMatchObject({ traceId: callerTrace, parentSpanId: request!.spanId });
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ traceId: callerTrace, parentSpanId: enqueue!.spanId });
      expect(attribute(attempt, "hookline.outcome")).toBe("success");
      expect(attribute(attempt, "http.response.status_code")).toBe(204);
    }
    // No payload in any span.
    expect(JSON.stringify(spans)).not.toContain('"traced"');
    await receiver.close();
  });
});
