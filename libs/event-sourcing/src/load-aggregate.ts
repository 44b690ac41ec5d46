import type { Command, Decider, DomainEvent } from '@gongkai/kernel';
import type { RecordedEvent } from './envelope';
import type { EventStore } from './event-store';
import type { UpcasterRegistry } from './upcasting';

export interface LoadedAggregate<S> {
  readonly state: S;
  /** Revision of the stream's last event; -1 when the stream has none. */
  readonly revision: number;
  /** The stream's events, upcast to their current schema versions. */
  readonly events: RecordedEvent[];
}

export type Evolver<E extends DomainEvent, S> = Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>;

/**
 * The decider sees only `{ type, data }`: ids, hashes and positions belong to the store, and a
 * rule that depended on them could not be tested given/when/then. A stream holds one decider's
 * events, which is why the stored type can stand for E.
 */
export const asDomainEvent = <E extends DomainEvent>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

export const foldRecorded = <E extends DomainEvent, S>(decider: Evolver<E, S>, events: readonly RecordedEvent[]): S =>
  events.reduce((state, event) => decider.evolve(state, asDomainEvent<E>(event)), decider.initialState());

export const loadAggregate = async <E extends DomainEvent, S>(
  store: EventStore,
  decider: Evolver<E, S>,
  streamId: string,
  upcasters?: UpcasterRegistry,
): Promise<LoadedAggregate<S>> => {
  const stored = await store.readStream(streamId);
  const events = upcasters ? stored.map((event) => upcasters.upcast(event)) : stored;
  return { state: foldRecorded(decider, events), revision: events.at(-1)?.revision ?? -1, events };
};
