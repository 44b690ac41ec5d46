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

/** What an adapter must store: the crypto is the same for every adapter, only the keys' home differs. */
export interface KeyTable {
  find(subjectId: string): KeyRow | undefined;
  /** Inserts the key unless a row (live or erased) exists for the subject. */
  insertIfAbsent(subjectId: string, key: Buffer): void;
  /** Destroys the key and leaves a tombstone, also for a subject never seen. */
  erase(subjectId: string): void;
  close(): void;
}

/** The vault over any key table: AES-256-GCM with one key per subject. */
export class KeyTableVault implements PersonalDataVault {
  constructor(private readonly table: KeyTable) {}

  async createKey(subjectId: string): Promise<void> {
    requireSubjectId(subjectId);
    const key = newDataKey();
    this.table.insertIfAbsent(subjectId, key);
    key.fill(0);
    if (this.table.find(subjectId)?.key === null) throw new PersonalDataKeyErasedError(subjectId);
  }

  async encrypt(subjectId: string, plaintext: string): Promise<string> {
    return sealWithKey(this.liveKey(subjectId), subjectId, plaintext);
  }

  async decrypt(subjectId: string, ciphertext: string): Promise<string | undefined> {
    const key = this.table.find(requireSubjectId(subjectId))?.key;
    if (!key) return undefined;
    const plaintext = openWithKey(key, subjectId, ciphertext);
    if (plaintext === undefined) throw new PersonalDataIntegrityError(subjectId);
    return plaintext;
  }

  async eraseKey(subjectId: string): Promise<void> {
    this.table.erase(requireSubjectId(subjectId));
  }

  async keyState(subjectId: string): Promise<PersonalDataKeyState> {
    const row = this.table.find(requireSubjectId(subjectId));
    return row === undefined ? 'NONE' : row.key === null ? 'ERASED' : 'ACTIVE';
  }

  async close(): Promise<void> {
    this.table.close();
  }

  private liveKey(subjectId: string): Buffer {
    const row = this.table.find(requireSubjectId(subjectId));
    if (row === undefined) throw new PersonalDataKeyMissingError(subjectId);
    if (row.key === null) throw new PersonalDataKeyErasedError(subjectId);
    return row.key;
  }
}
