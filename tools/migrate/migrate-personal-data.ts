import type { KeyTableVault } from '@gongkai/event-sourcing';
import type { SqlitePersonalDataVault } from '@gongkai/event-sourcing/sqlite';

export interface KeyMigrationReport {
  readonly subjects: number;
  readonly imported: number;
  readonly alreadyHere: number;
  /** Subjects the target already holds with another live key: left alone, for the operator to look at. */
  readonly conflicts: readonly string[];
  /** Subjects whose ciphertext from the source does not open in the target, or whose erasure did not arrive. */
  readonly unverified: readonly string[];
}

const PROBE = 'gongkai key migration probe';

/**
 * Moves the embedded platform's key table (an SQLite file) into another vault (MongoDB), keeping
 * every key as it is, so that the personal data already sealed in the events still opens, and
 * every erasure, so that nobody forgotten comes back. Then checks each subject: what the source
 * seals the target opens, and what the source erased the target has erased. Safe to run again.
 */
export const migratePersonalDataKeys = async (source: SqlitePersonalDataVault, target: KeyTableVault): Promise<KeyMigrationReport> => {
  let subjects = 0;
  let imported = 0;
  let alreadyHere = 0;
  const conflicts: string[] = [];
  const unverified: string[] = [];
  for (const { subjectId, key } of source.exportKeys()) {
    subjects += 1;
    const outcome = await target.importKey(subjectId, key);
    if (outcome === 'imported') imported += 1;
    else if (outcome === 'already-here') alreadyHere += 1;
    else conflicts.push(subjectId);
    key?.fill(0);
    if (outcome === 'conflict') continue;
    const verified = (await source.keyState(subjectId)) === 'ERASED' ? (await target.keyState(subjectId)) === 'ERASED' : (await opensInTarget(source, target, subjectId));
    if (!verified) unverified.push(subjectId);
  }
  return { subjects, imported, alreadyHere, conflicts, unverified };
};

const opensInTarget = async (source: SqlitePersonalDataVault, target: KeyTableVault, subjectId: string): Promise<boolean> => {
  try {
    return (await target.decrypt(subjectId, await source.encrypt(subjectId, PROBE))) === PROBE;
  } catch {
    return false;
  }
};
