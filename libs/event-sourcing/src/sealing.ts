import { canonicalJson, sha256Hex } from '@gongkai/kernel';
import { GENESIS_HASH, type EventToAppend, type RecordedEvent } from './envelope';
import type { HashedEnvelope } from './hashing';
import { canonicalStoredJson } from './stored-json';

export { canonicalStoredJson } from './stored-json';

/** The last event of a stream, as far as appending needs it. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
  readonly position: number;
}

/** An event ready to be written: everything but the global position, which the store assigns. */
export type SealedEvent = Omit<RecordedEvent, 'globalPosition'>;

/**
 * A sealed event whose data and metadata are already the JSON text to store: the canonical text
 * the hash was computed over, which reads back as the value `toStoredJson` gives.
 */
export type SealedEventText = Omit<SealedEvent, 'data' | 'metadata'> & { readonly data: string; readonly metadata: string };

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

type EnvelopeFields = Omit<HashedEnvelope, 'data' | 'metadata'>;

/**
 * `canonicalJson` of the hashed envelope (hashing.ts), put together from data and metadata already
 * in canonical form: the members in canonicalJson's key order, an undefined field left out as
 * canonicalJson leaves it out. Byte for byte the text `computeEventHash` hashes.
 */
const canonicalEnvelope = (fields: EnvelopeFields, data: string, metadata: string): string => {
  let text = `{"data":${data}`;
  const member = (key: string, value: unknown): void => {
    if (value !== undefined) text += `,${JSON.stringify(key)}:${canonicalJson(value)}`;
  };
  member('id', fields.id);
  text += `,"metadata":${metadata}`;
  member('occurredAt', fields.occurredAt);
  member('prevHash', fields.prevHash);
  member('revision', fields.revision);
  member('schemaVersion', fields.schemaVersion);
  member('streamId', fields.streamId);
  member('type', fields.type);
  return `${text}}`;
};

/**
 * Gives the events their revisions after `head` and links each to the hash of the one before,
 * with data and metadata as the text to store. Each value is serialised once: the same canonical
 * text is stored and hashed.
 */
export const sealEventsAsText = (streamId: string, events: readonly EventToAppend[], head: StreamHead | undefined): SealedEventText[] => {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head ? head.revision + 1 : 0;
  return events.map((event) => {
    const fields: EnvelopeFields = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      revision: revision++,
      occurredAt: event.occurredAt,
      prevHash,
    };
    const data = canonicalStoredJson(event.data);
    const metadata = canonicalStoredJson(event.metadata);
    const hash = sha256Hex(canonicalEnvelope(fields, data, metadata));
    prevHash = hash;
    return { ...fields, data, metadata, hash };
  });
};

/** As `sealEventsAsText`, with data and metadata as the values that will read back from storage. */
export const sealEvents = (streamId: string, events: readonly EventToAppend[], head: StreamHead | undefined): SealedEvent[] =>
  sealEventsAsText(streamId, events, head).map((event) => ({
    ...event,
    data: JSON.parse(event.data) as unknown,
    metadata: JSON.parse(event.metadata) as EventToAppend['metadata'],
  }));
