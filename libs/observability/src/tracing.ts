import { type Attributes, context, propagation, type SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { AlwaysOffSampler, BasicTracerProvider, BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

const TRACER = 'gongkai';

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry for one process: W3C trace context, async context that follows awaits, and spans
 * exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (otherwise traces still propagate
 * between processes, so ids in logs line up, but spans are neither recorded nor exported).
 */
export const startTracing = (serviceName: string, options: { processors?: SpanProcessor[]; exporter?: SpanExporter } = {}): Tracing => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const exporter = options.exporter ?? (process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ? new OTLPTraceExporter() : undefined);
  const spanProcessors = [...(options.processors ?? []), ...(exporter ? [new BatchSpanProcessor(exporter)] : [])];
  // With nothing to hand spans to, spans are not recorded (no attributes, events, end times kept):
  // their ids are still made and propagated, so traces still line up across processes and logs.
  const provider = new BasicTracerProvider({ spanProcessors, ...(spanProcessors.length === 0 ? { sampler: new AlwaysOffSampler() } : {}) });
  trace.setGlobalTracerProvider(provider);
  process.env['OTEL_SERVICE_NAME'] ??= serviceName;
  return { shutdown: () => provider.shutdown() };
};

/** Writes the active trace context (traceparent, tracestate) into outgoing headers. */
export const injectTraceContext = (carrier: Record<string, string>): Record<string, string> => {
  propagation.inject(context.active(), carrier);
  return carrier;
};

/** Runs `work` inside a span that continues the trace named in incoming headers, if any. */
export const inSpan = <T>(name: string, kind: SpanKind, attributes: Attributes, work: () => Promise<T>, incoming?: Record<string, string>): Promise<T> => {
  const parent = incoming ? propagation.extract(context.active(), incoming) : context.active();
  return context.with(parent, () =>
    trace.getTracer(TRACER).startActiveSpan(name, { kind, attributes }, async (span) => {
      try {
        return await work();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    }),
  );
};

/** The active trace and span ids, for log lines. */
export const activeTraceIds = (): { traceId: string; spanId: string } | undefined => {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
};
