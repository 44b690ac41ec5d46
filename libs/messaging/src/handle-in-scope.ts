import type { RecordedEvent } from '@gongkai/event-sourcing';
import { inSpan, withRequestScope } from '@gongkai/observability';
import { SpanKind } from '@opentelemetry/api';
import type { EventConsumer } from './event-bus';

/**
 * Handles an event inside the trace of the command that wrote it, with its correlation id in every
 * log line, whichever bus delivered it: a process manager's commands then continue that trace.
 */
export const handleInScope = (consumer: EventConsumer, event: RecordedEvent, messagingSystem: 'nats' | 'in-process'): Promise<void> => {
  const { correlationId, traceparent } = event.metadata;
  return withRequestScope({ correlationId }, () =>
    inSpan(`consume ${event.type}`, SpanKind.CONSUMER, { 'messaging.system': messagingSystem, 'gongkai.consumer': consumer.durableName }, () => consumer.handle(event), traceparent ? { traceparent } : undefined),
  );
};
