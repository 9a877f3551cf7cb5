import {
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";

// OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (lib/tracing/start-tracing.ts
// registers the SDK then). Off, every helper here is a plain call: no span objects, no context.
const shared = globalThis as unknown as { hooklineTracing?: boolean };

/** Whether this process exports traces (set once by startTracing). */
export function tracingEnabled(): boolean {
  return shared.hooklineTracing === true;
}

export function markTracingEnabled(): void {
  shared.hooklineTracing = true;
}

const tracer = () => trace.getTracer("hookline");

/**
 * Runs one HTTP request inside a server span named by its route template, continuing the
 * caller's trace when it sent a `traceparent`. The span ends when the response closes.
 */
export function traceRequest<T>(
  headers: Record<string, string | string[] | undefined>,
  attributes: { method: string; route: string },
  onClose: (end: (status: number) => void) => void,
  fn: () => T,
): T {
  if (!tracingEnabled()) return fn();
  const parent = propagation.extract(context.active(), headers);
  const span = tracer().startSpan(
    `${attributes.method} ${attributes.route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": attributes.method, "http.route": attributes.route },
    },
    parent,
  );
  onClose((status) => {
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), fn);
}

/**
 * Runs the enqueue of one message in a span, and hands `fn` that span's W3C traceparent to store
 * with the message, so its delivery attempts (in a worker, later) continue the same trace.
 */
export async function traceEnqueue<T>(
  attributes: Record<string, string>,
  fn: (traceParent: string | null) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return fn(null);
  return tracer().startActiveSpan("hookline.enqueue", { attributes }, async (span: Span) => {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    try {
      return await fn(carrier.traceparent ?? null);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Records one delivery attempt as a span of the message's trace (its stored traceparent), from
 * when it was sent (now minus its duration) to now, with its ids and outcome.
 */
export function traceAttempt(
  result: { status: number; durationMs: number; errorKind: string | null; outcome: "success" | "failure" },
  ids: { deliveryId?: string; messageId?: string; endpointId?: string; traceParent?: string | null },
  outcome: string,
): void {
  if (!tracingEnabled()) return;
  const parent: Context = ids.traceParent
    ? propagation.extract(context.active(), { traceparent: ids.traceParent })
    : context.active();
  const end = Date.now();
  const span = tracer().startSpan(
    "hookline.attempt",
    {
      kind: SpanKind.CLIENT,
      startTime: end - result.durationMs,
      attributes: {
        "hookline.delivery_id": ids.deliveryId ?? "",
        "hookline.message_id": ids.messageId ?? "",
        "hookline.endpoint_id": ids.endpointId ?? "",
        "hookline.outcome": outcome,
        "http.response.status_code": result.status,
      },
    },
    parent,
  );
  if (result.outcome === "failure") span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
  span.end(end);
}
