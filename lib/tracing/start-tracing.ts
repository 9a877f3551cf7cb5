import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { markTracingEnabled } from "@/lib/tracing/tracing";

/**
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, exports this process's spans to that OTLP/HTTP collector
 * (`<endpoint>/v1/traces`, JSON) in batches, as `OTEL_SERVICE_NAME` (default hookline-api or
 * hookline-worker); the SDK's own OTEL_* settings (batch delay, headers) apply. Returns a flush
 * for shutdown, or null when tracing is off.
 */
export function startTracing(defaultName: string): (() => Promise<void>) | null {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME || defaultName }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` })),
    ],
  });
  // Global tracer provider, W3C trace-context propagator and the AsyncLocalStorage context manager.
  provider.register();
  markTracingEnabled();
  return () => provider.shutdown();
}
