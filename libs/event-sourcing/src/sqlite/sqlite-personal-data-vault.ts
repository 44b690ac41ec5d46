import Database from 'better-sqlite3';
import { type KeyRow, type KeyTable, KeyTableVault } from '../personal-data';

/**
 * One row per subject. `key` is NULL once erased: the row stays as a tombstone so that the subject
 * id is never given a new key. Kept apart from the events table on purpose — a backup of the event
 * store holds only ciphertext.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS personal_data_keys (
  subject_id TEXT PRIMARY KEY,
  key        BLOB,
  created_at TEXT NOT NULL,
  erased_at  TEXT
) WITHOUT ROWID;
`;

class SqliteKeyTable implements KeyTable {
  private readonly findStatement;
  private readonly insertStatement;
  private readonly eraseStatement;
  private readonly allStatement;

  constructor(
    private readonly db: Database.Database,
    private readonly closeDatabase: boolean,
  ) {
    // Erased keys must not linger in free pages of the file: SQLite zeroes what it deletes.
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    this.allStatement = db.prepare<[], { subject_id: string; key: Buffer | null }>('SELECT subject_id, key FROM personal_data_keys ORDER BY subject_id');
    this.findStatement = db.prepare<[string], { key: Buffer | null }>('SELECT key FROM personal_data_keys WHERE subject_id = ?');
    this.insertStatement = db.prepare<[string, Buffer, string]>('INSERT INTO personal_data_keys (subject_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING');
    this.eraseStatement = db.prepare<[string, string, string]>(
      `INSERT INTO personal_data_keys (subject_id, key, created_at, erased_at) VALUES (?, NULL, ?, ?)
       ON CONFLICT (subject_id) DO UPDATE SET key = NULL, erased_at = COALESCE(erased_at, excluded.erased_at)`,
    );
  }

  *rows(): IterableIterator<{ subjectId: string; key: Buffer | null }> {
    for (const row of this.allStatement.iterate()) yield { subjectId: row.subject_id, key: row.key };
  }

  find(subjectId: string): KeyRow | undefined {
    const row = this.findStatement.get(subjectId);
    return row === undefined ? undefined : { key: row.key };
  }

  insertIfAbsent(subjectId: string, key: Buffer): void {
    this.insertStatement.run(subjectId, key, new Date().toISOString());
  }

  erase(subjectId: string): void {
    const now = new Date().toISOString();
    this.eraseStatement.run(subjectId, now, now);
    // The old page may still sit in the write-ahead log: copy the zeroed page back and truncate it.
    if (!this.db.memory) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (this.closeDatabase) this.db.close();
  }
}

/**
 * The embedded runtime's key store: a `personal_data_keys` table in its own SQLite file
 * (`SqlitePersonalDataVault.open`), or on a connection the caller owns and closes.
 */
export class SqlitePersonalDataVault extends KeyTableVault {
  private readonly keys: SqliteKeyTable;

  constructor(db: Database.Database, options: { closeDatabase?: boolean } = {}) {
    const keys = new SqliteKeyTable(db, options.closeDatabase ?? false);
    super(keys);
    this.keys = keys;
  }

  /** Every subject with its key, null once erased: for moving the key table to another store (importKey). */
  exportKeys(): IterableIterator<{ subjectId: string; key: Buffer | null }> {
    return this.keys.rows();
  }

  /** `path` is a file, or ':memory:'; the vault owns the connection and closes it. */
  static open(path: string): SqlitePersonalDataVault {
    const db = new Database(path);
    if (!db.memory) db.pragma('journal_mode = WAL');
    // An erased key must stay erased after a power cut, as an acknowledged append must stay written.
    db.pragma('synchronous = FULL');
    return new SqlitePersonalDataVault(db, { closeDatabase: true });
  }
}
