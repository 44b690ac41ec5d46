import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '../envelope';
import type { SealedEvent, StreamHead } from '../sealing';

interface EventRow {
  readonly global_position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly occurred_at: string;
  readonly data: string;
  readonly metadata: string;
  readonly prev_hash: string;
  readonly hash: string;
}

const COLUMNS = 'global_position, stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash';

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  streamId: row.stream_id,
  revision: row.revision,
  globalPosition: row.global_position,
  occurredAt: row.occurred_at,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** Every statement the store runs, prepared once per connection. */
export const prepareEventStatements = (db: Database.Database) => ({
  head: db.prepare<[string], StreamHead>(
    'SELECT revision, hash, global_position AS position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
  ),
  revisionOfEvent: db.prepare<[string, string], { revision: number }>('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?'),
  idsFrom: db.prepare<[string, number, number], { event_id: string; revision: number; position: number }>(
    'SELECT event_id, revision, global_position AS position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
  ),
  insert: db.prepare<[SealedRow]>(
    `INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash)
     VALUES (@streamId, @revision, @id, @type, @schemaVersion, @occurredAt, @data, @metadata, @prevHash, @hash)`,
  ),
  readForwards: db.prepare<[string, number, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
  ),
  readBackwards: db.prepare<[string, number, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  ),
  readAll: db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`),
  getMetadata: db.prepare<[string], { metadata: string }>('SELECT metadata FROM stream_metadata WHERE stream_id = ?'),
  setMetadata: db.prepare<[string, string]>(
    'INSERT INTO stream_metadata (stream_id, metadata) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET metadata = excluded.metadata',
  ),
});

export type EventStatements = ReturnType<typeof prepareEventStatements>;

type SealedRow = Omit<SealedEvent, 'data' | 'metadata'> & { readonly data: string; readonly metadata: string };

export const toSealedRow = (event: SealedEvent): SealedRow => ({
  ...event,
  data: JSON.stringify(event.data),
  metadata: JSON.stringify(event.metadata),
});
