import { jsonEvent, type EventData, type JSONType, type Position } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../envelope';
import type { SealedEvent } from '../sealing';

/** Our envelope's fields that EventStoreDB has no place for travel in the event's JSON metadata. */
interface EnvelopeMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
  readonly prevHash: string;
  readonly hash: string;
}

/** What this adapter needs of an event as the client returns it (stream read or $all). */
export interface EsdbRecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position;
}

export const toEsdbEvent = (event: SealedEvent): EventData => {
  const metadata: EnvelopeMetadata = {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
  };
  // Sealed data is already plain JSON (sealEvents stored it through JSON), whatever its static type.
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: { ...metadata } });
};

/**
 * A number for the port. Events appended over gRPC are self-committed prepares whose commit and
 * prepare positions are both the record's own log position, so the commit position alone
 * identifies an event and orders $all. Safe as a JS number up to 2^53 bytes of log.
 */
export const toGlobalPosition = (position: Position): number => Number(position.commit);

/** The point just at `position`: reads from it include the event there, subscriptions exclude it. */
export const toEsdbPosition = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

/** Projections' and the server's own events ($metadata, $>, $stats…) are not part of our history. */
export const isSystemEvent = (event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

export const fromEsdbEvent = (event: EsdbRecordedEvent, fallbackCommitPosition?: bigint): RecordedEvent => {
  const envelope = event.metadata;
  if (!isEnvelopeMetadata(envelope)) throw new Error(`Event ${event.id} in ${event.streamId} was not written through the Gongkai event store: its metadata lacks the envelope.`);
  const commit = event.position?.commit ?? fallbackCommitPosition;
  // Stream reads carry positions from EventStoreDB 22.6 on; without one the port cannot be honoured.
  if (commit === undefined) throw new Error(`Event ${event.id} was read without a log position: EventStoreDB 22.6 or later is required.`);
  return {
    id: event.id,
    type: event.type,
    schemaVersion: envelope.schemaVersion,
    streamId: event.streamId,
    revision: Number(event.revision),
    globalPosition: Number(commit),
    occurredAt: envelope.occurredAt,
    data: event.data,
    metadata: envelope.metadata,
    prevHash: envelope.prevHash,
    hash: envelope.hash,
  };
};

const isEnvelopeMetadata = (value: unknown): value is EnvelopeMetadata => {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields['schemaVersion'] === 'number' &&
    typeof fields['occurredAt'] === 'string' &&
    typeof fields['prevHash'] === 'string' &&
    typeof fields['hash'] === 'string' &&
    typeof fields['metadata'] === 'object' &&
    fields['metadata'] !== null
  );
};
