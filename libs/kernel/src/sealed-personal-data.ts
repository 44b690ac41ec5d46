import { badInput } from './errors';

/** Personal data as it travels in a command and is stored: ciphertext under the key `keyId` of the personal-data vault. */
export interface SealedPersonalData {
  readonly keyId: string;
  readonly ciphertext: string;
}

/** What the personal-data vault writes: `pd1.<iv>.<tag>.<data>`, base64url. */
const SEALED_CIPHERTEXT = /^pd1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** How one context refuses plain or misaddressed personal data: its error code, sentence and field. */
export interface SealRule {
  readonly maxLength: number;
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

/**
 * Deciders accept personal data only as ciphertext sealed under the record's own key: plain text in
 * a command is refused, never stored, and the error never repeats the value.
 */
export const requireSealed = (value: unknown, keyId: string, rule: SealRule): SealedPersonalData => {
  const sealed = (value ?? {}) as Record<string, unknown>;
  const ciphertext = sealed['ciphertext'];
  if (sealed['keyId'] !== keyId || typeof ciphertext !== 'string' || ciphertext.length > rule.maxLength || !SEALED_CIPHERTEXT.test(ciphertext)) {
    throw badInput(rule.code, rule.message, { field: rule.field });
  }
  return { keyId, ciphertext };
};
