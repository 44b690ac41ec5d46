import { type KeyRow, type KeyTable, KeyTableVault } from './key-table-vault';

class InMemoryKeyTable implements KeyTable {
  private readonly rows = new Map<string, { key: Buffer | null }>();

  find(subjectId: string): KeyRow | undefined {
    return this.rows.get(subjectId);
  }

  insertIfAbsent(subjectId: string, key: Buffer): void {
    if (!this.rows.has(subjectId)) this.rows.set(subjectId, { key: Buffer.from(key) });
  }

  erase(subjectId: string): void {
    // Overwrite the bytes, not only the reference: the buffer may outlive the map entry.
    this.rows.get(subjectId)?.key?.fill(0);
    this.rows.set(subjectId, { key: null });
  }

  close(): void {
    for (const row of this.rows.values()) row.key?.fill(0);
    this.rows.clear();
  }
}

/** Keys in this process's memory: for tests, and for runs whose personal data need not survive a restart. */
export class InMemoryPersonalDataVault extends KeyTableVault {
  constructor() {
    super(new InMemoryKeyTable());
  }
}
