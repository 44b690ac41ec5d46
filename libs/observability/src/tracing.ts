import { type Attributes, context, propagation, type SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { AlwaysOffSampler, BasicTracerProvider, BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

const TRACER = 'gongkai';

export interface Tracing {
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  readonly processors?: SpanProcessor[];
  readonly exporter?: SpanExporter;
  /**
   * Code of this process reads the active trace context after an await: a service's handlers
   * writing it into the events they append, a process manager sending commands while it consumes.
   * The gateway does not: it hands its mutation's trace to the command explicitly (`inSpan`'s
   * `continueTrace`, `CommandEnvelope.trace`).
   */
  readonly keepsAsyncContext: boolean;
}

/** W3C trace-context headers (traceparent, tracestate) that continue a trace in another process. */
export type TraceHeaders = Readonly<Record<string, string>>;

/**
 * OpenTelemetry for one process: W3C trace context, and spans exported over OTLP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (otherwise traces still propagate between processes, so ids in
 * logs line up, but spans are neither recorded nor exported).
 *
 * The active context (trace, request scope) follows awaits through AsyncLocalStorage, which puts a
 * hook on every promise the process makes: about a fifth of the embedded platform's throughput on a
 * public query. A process that does not need it (`keepsAsyncContext`) and exports no spans goes
 * without: there, `withRequestScope` runs its work as it is, spans continue only the parents handed
 * to them, and the log lines written about a command or an event name its correlation id themselves.
 */
export const startTracing = (serviceName: string, options: TracingOptions): Tracing => {
  const exporter = options.exporter ?? (process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ? new OTLPTraceExporter() : undefined);
  const spanProcessors = [...(options.processors ?? []), ...(exporter ? [new BatchSpanProcessor(exporter)] : [])];
  contextFollowsAwaits = options.keepsAsyncContext || spanProcessors.length > 0;
  if (contextFollowsAwaits) context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // With nothing to hand spans to, spans are not recorded (no attributes, events, end times kept):
  // their ids are still made and propagated, so traces still line up across processes and logs.
  const provider = new BasicTracerProvider({ spanProcessors, ...(spanProcessors.length === 0 ? { sampler: new AlwaysOffSampler() } : {}) });
  trace.setGlobalTracerProvider(provider);
  process.env['OTEL_SERVICE_NAME'] ??= serviceName;
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
      contextFollowsAwaits = false;
    },
  };
};

let contextFollowsAwaits = false;

/**
 * Whether the active context (trace, request scope) is kept across awaits in this process. Without
 * it a span opened around work that awaits reaches nobody: it is neither recorded nor seen after
 * the first await, so a hot path may skip it.
 */
export const keepsActiveContext = (): boolean => contextFollowsAwaits;

/** Writes the active trace context (traceparent, tracestate) into outgoing headers. */
export const injectTraceContext = (carrier: Record<string, string>): Record<string, string> => {
  propagation.inject(context.active(), carrier);
  return carrier;
};

/**
 * Runs `work` inside a span that continues the trace named in incoming headers, or else the active
 * one. `continueTrace()` gives the headers that make this span the parent in another process,
 * whether or not the process keeps an async context.
 */
export const inSpan = <T>(name: string, kind: SpanKind, attributes: Attributes, work: (continueTrace: () => TraceHeaders) => Promise<T>, incoming?: TraceHeaders): Promise<T> => {
  const parent = incoming ? propagation.extract(context.active(), incoming) : context.active();
  return trace.getTracer(TRACER).startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    const continueTrace = (): TraceHeaders => {
      const carrier: Record<string, string> = {};
      propagation.inject(trace.setSpan(parent, span), carrier);
      return carrier;
    };
    try {
      return await work(continueTrace);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
};

/** The active trace and span ids, for log lines. */
export const activeTraceIds = (): { traceId: string; spanId: string } | undefined => {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
};
