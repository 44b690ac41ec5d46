import type Database from 'better-sqlite3';

/**
 * One row per event. `global_position` is AUTOINCREMENT so that a position is never reused, even
 * after the last row is gone: consumers keep positions in their checkpoints. The two UNIQUE
 * constraints are the stream's optimistic concurrency (one event per revision) and its event-id
 * idempotency; the first also serves as the index for the stream's last revision.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  event_id        TEXT    NOT NULL,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  occurred_at     TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  prev_hash       TEXT    NOT NULL,
  hash            TEXT    NOT NULL,
  UNIQUE (stream_id, revision),
  UNIQUE (stream_id, event_id)
);
-- The history is evidence: the database itself refuses to change or remove it.
CREATE TRIGGER IF NOT EXISTS events_are_immutable BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;
CREATE TABLE IF NOT EXISTS stream_metadata (
  stream_id TEXT PRIMARY KEY,
  metadata  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
`;

export interface DurabilityOptions {
  /**
   * FULL (default) fsyncs the write-ahead log at every commit, so an append acknowledged to the
   * caller survives a power loss or an OS crash, not only a killed process. With NORMAL, WAL
   * commits are synced only at checkpoints: a kill -9 loses nothing (the OS still has the pages)
   * but a power cut can roll back appends that were already acknowledged — and a reply such as
   * "your request was received" must never be taken back. Measured (2,000 one-event appends on
   * the development VM's ext4 disk): FULL ≈ 5,000 appends/s (0.2 ms each), NORMAL ≈ 9,000–14,000/s.
   * A government bureau's command rate is orders of magnitude below either, so FULL costs nothing
   * that matters; on disks with slow fsync the gap widens but the argument does not change.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing (ms). */
  readonly busyTimeoutMs?: number;
}

export const prepareDatabase = (db: Database.Database, options: DurabilityOptions = {}): void => {
  // WAL lets readers (subscriptions, other processes) run while one writer appends.
  if (!db.memory) db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.exec(SCHEMA);
};
