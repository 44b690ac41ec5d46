import { newDataKey, openWithKey, sealWithKey } from './aes-gcm';
import {
  PersonalDataIntegrityError,
  PersonalDataKeyErasedError,
  type PersonalDataKeyState,
  PersonalDataKeyMissingError,
  type PersonalDataVault,
  requireSubjectId,
} from './personal-data-vault';

/** One subject's key as an adapter stores it; `key` is null once erased (a tombstone). */
export interface KeyRow {
  readonly key: Buffer | null;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * What an adapter must store: the crypto is the same for every adapter, only the keys' home
 * differs. A local table (SQLite, memory) answers at once; a networked one (MongoDB) with a promise.
 */
export interface KeyTable {
  find(subjectId: string): MaybePromise<KeyRow | undefined>;
  /** Inserts the key unless a row (live or erased) exists for the subject. */
  insertIfAbsent(subjectId: string, key: Buffer): MaybePromise<void>;
  /** Destroys the key and leaves a tombstone, also for a subject never seen. */
  erase(subjectId: string): MaybePromise<void>;
  close(): MaybePromise<void>;
}

/** The vault over any key table: AES-256-GCM with one key per subject. */
export class KeyTableVault implements PersonalDataVault {
  constructor(private readonly table: KeyTable) {}

  async createKey(subjectId: string): Promise<void> {
    requireSubjectId(subjectId);
    const key = newDataKey();
    try {
      await this.table.insertIfAbsent(subjectId, key);
    } finally {
      key.fill(0);
    }
    if ((await this.table.find(subjectId))?.key === null) throw new PersonalDataKeyErasedError(subjectId);
  }

  async encrypt(subjectId: string, plaintext: string): Promise<string> {
    return sealWithKey(await this.liveKey(subjectId), subjectId, plaintext);
  }

  async decrypt(subjectId: string, ciphertext: string): Promise<string | undefined> {
    const key = (await this.table.find(requireSubjectId(subjectId)))?.key;
    if (!key) return undefined;
    const plaintext = openWithKey(key, subjectId, ciphertext);
    if (plaintext === undefined) throw new PersonalDataIntegrityError(subjectId);
    return plaintext;
  }

  async eraseKey(subjectId: string): Promise<void> {
    await this.table.erase(requireSubjectId(subjectId));
  }

  async keyState(subjectId: string): Promise<PersonalDataKeyState> {
    const row = await this.table.find(requireSubjectId(subjectId));
    return row === undefined ? 'NONE' : row.key === null ? 'ERASED' : 'ACTIVE';
  }

  /**
   * Brings one subject's key over from another key table (moving the embedded platform's SQLite
   * file into MongoDB), so that the ciphertext already in the events still opens. An erasure on
   * either side wins; an erasure or a different key already here is left alone and reported as a
   * conflict.
   */
  async importKey(subjectId: string, key: Buffer | null): Promise<'imported' | 'already-here' | 'conflict'> {
    const before = await this.table.find(requireSubjectId(subjectId));
    if (key === null) {
      if (before?.key === null) return 'already-here';
      await this.table.erase(subjectId);
      return 'imported';
    }
    if (before === undefined) await this.table.insertIfAbsent(subjectId, key);
    // Erased here, or another key: either way this subject's key is not the one brought over.
    if (!(await this.table.find(subjectId))?.key?.equals(key)) return 'conflict';
    return before === undefined ? 'imported' : 'already-here';
  }

  async close(): Promise<void> {
    await this.table.close();
  }

  private async liveKey(subjectId: string): Promise<Buffer> {
    const row = await this.table.find(requireSubjectId(subjectId));
    if (row === undefined) throw new PersonalDataKeyMissingError(subjectId);
    if (row.key === null) throw new PersonalDataKeyErasedError(subjectId);
    return row.key;
  }
}
