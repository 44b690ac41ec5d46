import type { WorkingDayCalendar } from '@gongkai/calendar';
import { type Clock, decideAndAppend, type EventStore, type UpcasterRegistry } from '@gongkai/event-sourcing';
import { badInput, type Command, type Decider, type DomainEvent } from '@gongkai/kernel';
import { injectTraceContext } from '@gongkai/observability';
import type { CommandEnvelope, CommandHandlerFn } from './command-bus';

/** How one command type reaches its aggregate: which decider, which stream. */
export interface DeciderRoute {
  // The decider's own command type is checked where the route is declared; here it is opaque.
  readonly decider: Decider<Command, DomainEvent, unknown>;
  readonly streamId: (data: Readonly<Record<string, unknown>>) => string;
}

export interface DeciderCommandHandlerOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly calendar: WorkingDayCalendar;
  readonly routes: Readonly<Record<string, DeciderRoute>>;
  readonly upcasters?: UpcasterRegistry;
}

/** Declares a route with the decider's own types checked, then erases them for the routing table. */
export const route = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  streamId: (data: C['data']) => string,
): DeciderRoute => ({
  decider: decider as unknown as Decider<Command, DomainEvent, unknown>,
  streamId: streamId as DeciderRoute['streamId'],
});

const requireId = (data: Readonly<Record<string, unknown>>, field: string): string => {
  const value = data[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) throw badInput('INVALID_ID', `${field} must be a non-empty id.`, { field });
  return value;
};

/** The stream of the aggregate named by an id field of the command. */
export const byIdField =
  (streamIdOf: (id: string) => string, field: string) =>
  (data: Readonly<Record<string, unknown>>): string =>
    streamIdOf(requireId(data, field));

/**
 * A context's write side as one function: load the aggregate, decide, append with the loaded
 * revision (retrying on a concurrent write), reply with where the events went.
 */
export const deciderCommandHandler = (options: DeciderCommandHandlerOptions): CommandHandlerFn => {
  return async (envelope: CommandEnvelope) => {
    const target = options.routes[envelope.type];
    if (!target) throw badInput('UNKNOWN_COMMAND', `The ${envelope.context} service has no command ${envelope.type}.`);
    const data = (envelope.data ?? {}) as Readonly<Record<string, unknown>>;
    const streamId = target.streamId(data);
    const { metadata } = envelope;
    // The reply names where the events went; reading them back would buy nothing.
    const result = await decideAndAppend(
      options.store,
      target.decider,
      streamId,
      { type: envelope.type, data },
      {
        now: options.clock.now(),
        actor: metadata.actor,
        calendar: options.calendar,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        idempotencyKey: metadata.idempotencyKey,
        reason: metadata.reason,
        // The events remember the trace of the command that wrote them: the active one, or else the
        // one the sender handed on (a process without async context); absent when neither.
        traceparent: injectTraceContext({})['traceparent'] ?? envelope.trace?.['traceparent'],
      },
      { upcasters: options.upcasters },
    );
    return { streamId: result.streamId, revision: result.revision, position: result.position };
  };
};
