import { GENESIS_HASH, type EventToAppend, type RecordedEvent } from './envelope';
import { computeEventHash } from './hashing';

/** The last event of a stream, as far as appending needs it. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
  readonly position: number;
}

/** An event ready to be written: everything but the global position, which the store assigns. */
export type SealedEvent = Omit<RecordedEvent, 'globalPosition'>;

/**
 * The value as it will read back from storage (JSON text): `toJSON` applied, `undefined` fields
 * dropped. Hashing this form rather than the caller's object is what lets the chain verify after a
 * round trip (a Date, say, hashes as the string it is stored as). Non-finite numbers are refused:
 * JSON would silently turn them into null.
 */
export const toStoredJson = (value: unknown): unknown => {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) throw new TypeError(`Cannot store the number ${item} in an event.`);
    return item;
  });
  if (text === undefined) throw new TypeError('Cannot store an undefined value in an event.');
  return JSON.parse(text) as unknown;
};

/** Gives the events their revisions after `head` and links each to the hash of the one before. */
export const sealEvents = (streamId: string, events: readonly EventToAppend[], head: StreamHead | undefined): SealedEvent[] => {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head ? head.revision + 1 : 0;
  return events.map((event) => {
    const unsealed = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      revision: revision++,
      occurredAt: event.occurredAt,
      data: toStoredJson(event.data),
      metadata: toStoredJson(event.metadata) as EventToAppend['metadata'],
      prevHash,
    };
    const sealed = { ...unsealed, hash: computeEventHash(unsealed) };
    prevHash = sealed.hash;
    return sealed;
  });
};
