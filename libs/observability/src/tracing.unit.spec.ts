import { Writable } from 'node:stream';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createLogger, JsonLogger } from './json-logger';
import { currentRequestScope, withRequestScope } from './request-scope';
import { startTracing, type TracingOptions } from './tracing';

const logLines = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
      done();
    },
  });
  return { logger: new JsonLogger(createLogger({ destination })), lines };
};

interface RequestScopeSeen {
  readonly scope: ReturnType<typeof currentRequestScope>;
}

/** A command handled in a scope: the line is written after awaits, as a handler's would be. */
const handleInScope = async (logger: JsonLogger): Promise<RequestScopeSeen> =>
  withRequestScope({ correlationId: 'corr-scope-1' }, async () => {
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.resolve();
    logger.event('info', 'deciding');
    return { scope: currentRequestScope() };
  });

const withTracing = async (options: TracingOptions, work: () => Promise<void>): Promise<void> => {
  const tracing = startTracing('test', options);
  try {
    await work();
  } finally {
    await tracing.shutdown();
  }
};

describe('the request scope of a process', () => {
  it('follows the awaits of a process that keeps an async context, onto every log line', async () => {
    await withTracing({ keepsAsyncContext: true }, async () => {
      const { logger, lines } = logLines();
      const seen = await handleInScope(logger);
      expect(seen.scope).toEqual({ correlationId: 'corr-scope-1' });
      expect(lines[0]).toMatchObject({ msg: 'deciding', correlationId: 'corr-scope-1' });
      expect(currentRequestScope()).toBeUndefined();
    });
  });

  it('follows the awaits of a process that exports spans, though it would not keep one otherwise', async () => {
    await withTracing({ keepsAsyncContext: false, processors: [new SimpleSpanProcessor(new InMemorySpanExporter())] }, async () => {
      const { logger, lines } = logLines();
      expect((await handleInScope(logger)).scope).toEqual({ correlationId: 'corr-scope-1' });
      expect(lines[0]).toMatchObject({ correlationId: 'corr-scope-1' });
    });
  });

  it('is not kept by a process that needs no async context and exports nothing: the work runs as it is, and its lines name no scope', async () => {
    await withTracing({ keepsAsyncContext: false }, async () => {
      const { logger, lines } = logLines();
      const seen = await handleInScope(logger);
      expect(seen.scope).toBeUndefined();
      expect(lines[0]).toMatchObject({ msg: 'deciding' });
      expect(lines[0]).not.toHaveProperty('correlationId');
    });
  });
});
