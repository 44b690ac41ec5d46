import { randomUUID } from 'node:crypto';
import { conflict, type Command, type DecideContext, type Decider, type DomainEvent } from '@gongkai/kernel';
import type { EventMetadata, EventToAppend, RecordedEvent } from './envelope';
import { WrongExpectedRevisionError } from './errors';
import type { EventStore } from './event-store';
import { foldRecorded, loadAggregate, type Evolver, type LoadedAggregate } from './load-aggregate';
import type { UpcasterRegistry } from './upcasting';

/** What a decision may use, plus what the stored events must say about who asked and why. */
export interface CommandContext extends DecideContext {
  readonly causationId?: string | null;
  /** Sent by the caller so that a retried command takes effect once. */
  readonly idempotencyKey?: string;
  readonly reason?: string;
  readonly traceparent?: string;
}

export interface HandleCommandOptions {
  readonly upcasters?: UpcasterRegistry;
  /** Reloads and decisions again after a concurrent write, before giving up with CONFLICT. */
  readonly maxRetries?: number;
  readonly newEventId?: () => string;
}

/** Where a command left its stream, without the events themselves: what a reply to the caller needs. */
export interface DecidedCommand<S> {
  readonly streamId: string;
  /** The stream's revision after the command; -1 if the stream is still empty. */
  readonly revision: number;
  /** Global position of the command's last event (or of the stream's last event if it wrote none); -1 if none. */
  readonly position: number;
  readonly state: S;
}

export interface HandledCommand<S> extends DecidedCommand<S> {
  /** The events the command appended; empty when the decision changed nothing. */
  readonly events: RecordedEvent[];
}

/**
 * Load → decide → append with the loaded revision, and the appended events read back as stored.
 * A concurrent write makes the append fail; the command is then decided again on the new state,
 * because the rule may now answer differently.
 */
export const handleCommand = async <C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<HandledCommand<S>> => {
  const decided = await decideAndAppend(store, decider, streamId, command, context, options);
  if ('events' in decided) return decided;
  const events = decided.appended === 0 ? [] : await store.readStream(streamId, { fromRevision: decided.revision - decided.appended + 1, maxCount: decided.appended });
  return { streamId, revision: decided.revision, position: decided.position, events, state: decided.state };
};

/** Appended now (how many events), or decided before / changing nothing (with the events, already at hand). */
export type DecidedOrRepeated<S> = (DecidedCommand<S> & { readonly appended: number }) | HandledCommand<S>;

/**
 * `handleCommand` without reading the appended events back: for a caller that answers with where
 * they went (a command bus reply), the read and parse of each event would buy nothing. The
 * guarantees are the same — the append is acknowledged only once committed, with the loaded
 * revision expected, and a repeated idempotency key answers as the first time.
 */
export const decideAndAppend = async <C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<DecidedOrRepeated<S>> => {
  const maxRetries = options.maxRetries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadAggregate(store, decider, streamId, options.upcasters);
    const earlier = context.idempotencyKey === undefined ? undefined : earlierResult(decider, streamId, loaded, context.idempotencyKey);
    if (earlier) return earlier;

    const decided = decider.decide(command, loaded.state, context);
    if (decided.length === 0) {
      return { streamId, revision: loaded.revision, position: loaded.events.at(-1)?.globalPosition ?? -1, events: [], state: loaded.state };
    }
    const toAppend = decided.map((event) => toEventToAppend(event, context, options));
    try {
      const result = await store.appendToStream(streamId, toAppend, { expectedRevision: loaded.revision < 0 ? 'no_stream' : loaded.revision });
      const state = decided.reduce(decider.evolve, loaded.state);
      return { streamId, revision: result.nextExpectedRevision, position: result.position, appended: decided.length, state };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= maxRetries) {
        throw conflict(
          'CONCURRENT_MODIFICATION',
          `${streamId} kept changing while ${command.type} was being decided (${attempt + 1} attempts); reload and try again.`,
          { streamId, attempts: attempt + 1 },
        );
      }
    }
  }
};

/** A command already handled under this key: answer as the first time, without deciding again. */
const earlierResult = <E extends DomainEvent, S>(
  decider: Evolver<E, S>,
  streamId: string,
  loaded: LoadedAggregate<S>,
  idempotencyKey: string,
): HandledCommand<S> | undefined => {
  const events = loaded.events.filter((event) => event.metadata.idempotencyKey === idempotencyKey);
  const last = events.at(-1);
  if (!last) return undefined;
  const state = foldRecorded(decider, loaded.events.slice(0, loaded.events.indexOf(last) + 1));
  return { streamId, revision: last.revision, position: last.globalPosition, events, state };
};

const toEventToAppend = (event: DomainEvent, context: CommandContext, options: HandleCommandOptions): EventToAppend => ({
  id: (options.newEventId ?? randomUUID)(),
  type: event.type,
  schemaVersion: options.upcasters?.currentVersion(event.type) ?? 1,
  occurredAt: context.now.toISOString(),
  data: event.data,
  metadata: metadataOf(context),
});

const metadataOf = ({ actor, correlationId, causationId, reason, idempotencyKey, traceparent }: CommandContext): EventMetadata => ({
  actor: {
    id: actor.id,
    roles: actor.roles,
    ...(actor.agencyCode !== undefined && { agencyCode: actor.agencyCode }),
    ...(actor.departmentCode !== undefined && { departmentCode: actor.departmentCode }),
  },
  correlationId,
  causationId: causationId ?? null,
  ...(reason !== undefined && { reason }),
  ...(idempotencyKey !== undefined && { idempotencyKey }),
  ...(traceparent !== undefined && { traceparent }),
});
