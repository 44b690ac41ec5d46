import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM as the vault uses it. The subject id is authenticated as additional data, so a
 * ciphertext copied into another subject's record fails to decrypt instead of leaking.
 * Format: `pd1.<iv>.<tag>.<ciphertext>`, each part base64url; `pd1` leaves room for another scheme.
 */
const SCHEME = 'pd1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
/** 96-bit random IVs, as NIST SP 800-38D recommends; a key encrypts a handful of values. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

export const sealWithKey = (key: Buffer, subjectId: string, plaintext: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [SCHEME, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
};

/** The plaintext, or undefined when the ciphertext is malformed, altered or bound to another subject. */
export const openWithKey = (key: Buffer, subjectId: string, ciphertext: string): string | undefined => {
  const parts = typeof ciphertext === 'string' ? ciphertext.split('.') : [];
  if (parts.length !== 4 || parts[0] !== SCHEME) return undefined;
  const [iv, tag, body] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(subjectId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
};
