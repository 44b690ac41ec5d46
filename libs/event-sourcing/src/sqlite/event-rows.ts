import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '../envelope';
import type { SealedEventText, StreamHead } from '../sealing';
import { rememberEnvelopeText } from '../envelope-text';

/** A row of COLUMNS as an array (better-sqlite3's raw mode: no object built per row). */
export type EventRow = [
  globalPosition: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  occurredAt: string,
  data: string,
  metadata: string,
  prevHash: string,
  hash: string,
];

const COLUMNS = 'global_position, stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash';

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row[3],
  type: row[4],
  schemaVersion: row[5],
  streamId: row[1],
  revision: row[2],
  globalPosition: row[0],
  occurredAt: row[6],
  data: JSON.parse(row[7]) as unknown,
  metadata: JSON.parse(row[8]) as EventMetadata,
  prevHash: row[9],
  hash: row[10],
});

/**
 * A row as a recorded event for subscriptions, whose events the relay publishes as text: the
 * envelope text (`envelopeText`) is put together from the stored data and metadata text instead of
 * serialised again, and data and metadata are parsed only when first read — the relay never reads
 * them. (Own enumerable getters: spreading, JSON and deep equality see plain values.)
 */
export const toRecordedEventWithText = (row: EventRow): RecordedEvent => {
  let data: unknown;
  let metadata: EventMetadata | undefined;
  const event: RecordedEvent = {
    id: row[3],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[1],
    revision: row[2],
    globalPosition: row[0],
    occurredAt: row[6],
    get data(): unknown {
      return (data ??= JSON.parse(row[7]) as unknown);
    },
    get metadata(): EventMetadata {
      return (metadata ??= JSON.parse(row[8]) as EventMetadata);
    },
    prevHash: row[9],
    hash: row[10],
  };
  rememberEnvelopeText(
    event,
    () =>
      `{"id":${JSON.stringify(row[3])},"type":${JSON.stringify(row[4])},"schemaVersion":${row[5]},"streamId":${JSON.stringify(row[1])},` +
      `"revision":${row[2]},"globalPosition":${row[0]},"occurredAt":${JSON.stringify(row[6])},"data":${row[7]},"metadata":${row[8]},` +
      `"prevHash":${JSON.stringify(row[9])},"hash":${JSON.stringify(row[10])}}`,
  );
  return event;
};

/** Every statement the store runs, prepared once per connection. */
export const prepareEventStatements = (db: Database.Database) => ({
  head: db.prepare<[string], StreamHead>(
    'SELECT revision, hash, global_position AS position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
  ),
  revisionOfEvent: db.prepare<[string, string], { revision: number }>('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?'),
  idsFrom: db.prepare<[string, number, number], { event_id: string; revision: number; position: number }>(
    'SELECT event_id, revision, global_position AS position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
  ),
  insert: db.prepare<SealedRow>(
    `INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  // No bound LIMIT in the stream reads: with a `LIMIT ?` the same read of an empty stream took
  // 10–11 µs instead of 2–3 µs (measured: docs/performance.md), and loading the aggregate is one
  // such read per command. A bounded read stops iterating instead.
  readForwards: db.prepare<[string, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`).raw(true),
  readBackwards: db
    .prepare<[string, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC`)
    .raw(true),
  // (after, below, limit): `below` keeps out what is committed but not yet synced (WAL_SYNC).
  readAll: db
    .prepare<[number, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE global_position > ? AND global_position < ? ORDER BY global_position LIMIT ?`)
    .raw(true),
  getMetadata: db.prepare<[string], { metadata: string }>('SELECT metadata FROM stream_metadata WHERE stream_id = ?'),
  setMetadata: db.prepare<[string, string]>(
    'INSERT INTO stream_metadata (stream_id, metadata) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET metadata = excluded.metadata',
  ),
});

export type EventStatements = ReturnType<typeof prepareEventStatements>;

/** The insert's parameters, in the order of its columns: a row of the log without its position. */
type SealedRow = [string, number, string, string, number, string, string, string, string, string];

/** Data and metadata are stored as the canonical text they were hashed as. */
export const toSealedRow = (event: SealedEventText): SealedRow => [
  event.streamId,
  event.revision,
  event.id,
  event.type,
  event.schemaVersion,
  event.occurredAt,
  event.data,
  event.metadata,
  event.prevHash,
  event.hash,
];
