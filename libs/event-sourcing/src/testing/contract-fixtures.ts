import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../envelope';
import type { EventStore } from '../event-store';

/** Unique per test, so that the suite can share one EventStoreDB server with other runs. */
export const uniqueStreamId = (kind = 'contract'): string => `${kind}-${randomUUID()}`;

export const anEvent = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  id: randomUUID(), // EventStoreDB requires UUIDs
  type: 'ContractChecked',
  schemaVersion: 1,
  occurredAt: '2026-03-02T02:00:00.000Z',
  data: { note: 'checked' },
  metadata: { actor: { id: 'user-window', roles: ['staff'], agencyCode: '445300' }, correlationId: 'correlation-contract', causationId: null },
  ...overrides,
});

export const someEvents = (count: number): EventToAppend[] => Array.from({ length: count }, (_, index) => anEvent({ data: { index } }));

export const idsOf = (events: readonly { readonly id: string }[]): string[] => events.map((event) => event.id);

/** A position just before the events a test is about to write: the position of a fresh marker event. */
export const markPosition = async (store: EventStore): Promise<number> =>
  (await store.appendToStream(uniqueStreamId('marker'), [anEvent()], { expectedRevision: 'no_stream' })).position;

export const waitFor = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

export type StoreUnderTest = () => EventStore;
