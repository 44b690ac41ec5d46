import Database from 'better-sqlite3';
import type { CheckpointStore } from '../checkpoint-store';
import { prepareDatabase, type DurabilityOptions } from './schema';

/**
 * Consumers' positions in a `checkpoints` table. Built on the event store's own connection
 * (`SqliteEventStore.checkpointStore()`) or on a file of its own (`SqliteCheckpointStore.open`).
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly loadStatement;
  private readonly saveStatement;

  constructor(private readonly db: Database.Database) {
    this.loadStatement = db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');
    this.saveStatement = db.prepare<[string, number]>(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
  }

  static open(path: string, options: DurabilityOptions = {}): SqliteCheckpointStore & { close(): void } {
    const db = new Database(path);
    // Nothing here syncs the log after a commit (WAL_SYNC is the event store's): SQLite does, under FULL.
    prepareDatabase(db, { ...options, synchronous: options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL' });
    return Object.assign(new SqliteCheckpointStore(db), { close: () => db.close() });
  }

  async load(name: string): Promise<number | undefined> {
    return this.loadStatement.get(name)?.position;
  }

  async save(name: string, position: number): Promise<void> {
    this.saveStatement.run(name, position);
  }
}
