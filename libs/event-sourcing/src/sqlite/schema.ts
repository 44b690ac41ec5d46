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
   * How an acknowledged append is made to survive a power loss or an OS crash, not only a killed
   * process — a reply such as "your request was received" must never be taken back.
   *
   * - `WAL_SYNC` (the default for a file): SQLite commits under NORMAL, and the store fdatasyncs
   *   the write-ahead log on a libuv thread (`WalSync`) before acknowledging the appends of that
   *   commit, and shows no event to a reader of this store before then. The same durability as
   *   FULL, but the event loop does not stop for the disk: it decides and writes the next commands
   *   while the last commit syncs (docs/adr/0006).
   * - `FULL`: SQLite fsyncs the WAL inside every commit, blocking the event loop meanwhile.
   * - `NORMAL`: WAL commits are synced only at checkpoints: a kill -9 loses nothing (the OS still
   *   has the pages) but a power cut can roll back appends that were acknowledged. For seeding
   *   benchmarks and tests only.
   */
  readonly synchronous?: 'WAL_SYNC' | 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing (ms). */
  readonly busyTimeoutMs?: number;
}

/** What the options ask for on this database: WAL_SYNC needs a WAL file, which a memory database has not. */
export const durabilityOf = (db: Database.Database, options: DurabilityOptions): 'WAL_SYNC' | 'FULL' | 'NORMAL' => {
  const asked = options.synchronous ?? 'WAL_SYNC';
  return asked === 'WAL_SYNC' && db.memory ? 'FULL' : asked;
};

export const prepareDatabase = (db: Database.Database, options: DurabilityOptions = {}): void => {
  // WAL lets readers (subscriptions, other processes) run while one writer appends.
  if (!db.memory) db.pragma('journal_mode = WAL');
  const durability = durabilityOf(db, options);
  db.pragma(`synchronous = ${durability === 'WAL_SYNC' ? 'NORMAL' : durability}`);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.exec(SCHEMA);
};
