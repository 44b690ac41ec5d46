import { Writable } from 'node:stream';
import { createLogger, inSpan, JsonLogger, startTracing, type Tracing } from '@gongkai/observability';
import { startNatsServer, type NatsServer } from '@gongkai/testing';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from './connection';
import { NatsCommandBus } from './nats-command-bus';

describe('one mutation followed through every process it touches', () => {
  let server: NatsServer;
  let connections: NatsConnection[];
  let tracing: Tracing;
  const spans = new InMemorySpanExporter();

  beforeAll(async () => {
    tracing = startTracing('test', { processors: [new SimpleSpanProcessor(spans)], keepsAsyncContext: true });
    server = await startNatsServer();
    connections = [await connectNats(server.url, 'gateway'), await connectNats(server.url, 'service')];
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await server.stop();
    await tracing.shutdown();
  });

  it('continues the sender’s trace in the service and writes the correlation id on every log line there', async () => {
    const lines: string[] = [];
    const logger = new JsonLogger(createLogger({ destination: new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }) }));
    const gateway = new NatsCommandBus(connections[0]);
    const service = new NatsCommandBus(connections[1]);
    await service.serve('services-catalog', async () => {
      logger.event('info', 'deciding');
      return { streamId: 'services-catalog.ServiceItem-1', revision: 0, position: 1 };
    });

    await inSpan('mutation draftServiceItem', SpanKind.SERVER, {}, () =>
      gateway.send({
        context: 'services-catalog',
        type: 'DraftServiceItem',
        data: {},
        metadata: { actor: { id: 'demo-window', roles: ['staff'] }, correlationId: 'corr-trace-1' },
      }),
    );

    const finished = spans.getFinishedSpans();
    const mutation = finished.find((s) => s.name === 'mutation draftServiceItem')!;
    const send = finished.find((s) => s.name === 'command services-catalog.DraftServiceItem')!;
    const handle = finished.find((s) => s.name === 'handle services-catalog.DraftServiceItem')!;
    expect(new Set([mutation, send, handle].map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(send.parentSpanContext?.spanId).toBe(mutation.spanContext().spanId);
    expect(handle.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'deciding', correlationId: 'corr-trace-1', traceId: mutation.spanContext().traceId });

    await service.close();
    await gateway.close();
  });
});
