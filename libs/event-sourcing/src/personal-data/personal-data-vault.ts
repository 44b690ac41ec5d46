/**
 * Crypto-shredding (加密删除) of personal data (个人信息, PIPL). Each subject — e.g. one
 * information request — has a key of its own; its personal fields are stored only as ciphertext
 * under that key. Erasing the key when the retention period ends forgets the data wherever the
 * ciphertext was copied (events, read models, backups), while the events themselves, and the hash
 * chain over them, stay exactly as they were written.
 */
export interface PersonalDataVault {
  /**
   * Creates the subject's key; does nothing when it already exists (a retried command). Throws
   * PersonalDataKeyErasedError once the key was erased: a forgotten subject never gets a new key
   * under the same id, so old ciphertext can never be read again.
   */
  createKey(subjectId: string): Promise<void>;
  /** AES-256-GCM under the subject's key, bound to the subject id. */
  encrypt(subjectId: string, plaintext: string): Promise<string>;
  /**
   * The plaintext, or undefined when the subject's key was erased or never existed. Throws
   * PersonalDataIntegrityError when the ciphertext was altered or belongs to another subject.
   */
  decrypt(subjectId: string, ciphertext: string): Promise<string | undefined>;
  /** Forgets the key for good; erasing twice, or a key that never existed, is not an error. */
  eraseKey(subjectId: string): Promise<void>;
  keyState(subjectId: string): Promise<PersonalDataKeyState>;
  close(): Promise<void>;
}

export type PersonalDataKeyState = 'ACTIVE' | 'ERASED' | 'NONE';

export class PersonalDataKeyErasedError extends Error {
  override readonly name = 'PersonalDataKeyErasedError';
  constructor(readonly subjectId: string) {
    super(`The personal-data key of ${subjectId} has been erased: its personal data can no longer be written or read.`);
  }
}

export class PersonalDataKeyMissingError extends Error {
  override readonly name = 'PersonalDataKeyMissingError';
  constructor(readonly subjectId: string) {
    super(`There is no personal-data key for ${subjectId}: create it before encrypting.`);
  }
}

/** Never carries the plaintext or the ciphertext: error messages end up in logs. */
export class PersonalDataIntegrityError extends Error {
  override readonly name = 'PersonalDataIntegrityError';
  constructor(readonly subjectId: string) {
    super(`Personal data of ${subjectId} does not decrypt: it was altered or belongs to another subject.`);
  }
}

const MAX_SUBJECT_ID_LENGTH = 200;

export const requireSubjectId = (subjectId: string): string => {
  if (typeof subjectId !== 'string' || subjectId.length === 0 || subjectId.length > MAX_SUBJECT_ID_LENGTH) {
    throw new TypeError(`A personal-data subject id must be 1 to ${MAX_SUBJECT_ID_LENGTH} characters.`);
  }
  return subjectId;
};
