import { contactKeyOf, type SealedContact, validateCommentContact } from '@gongkai/decisions/domain';
import type { PersonalDataVault } from '@gongkai/event-sourcing';

/**
 * Encryption before the command, decryption after the query: the gateway's part of keeping a
 * commenter's contact out of every event, read model and log. Undefined when none was given.
 */
export const sealContact = async (vault: PersonalDataVault, commentId: string, contact: unknown): Promise<SealedContact | undefined> => {
  const text = validateCommentContact(contact);
  if (!text) return undefined;
  const keyId = contactKeyOf(commentId);
  await vault.createKey(keyId);
  return { keyId, ciphertext: await vault.encrypt(keyId, text) };
};

/** The contact, or null when none was given, this reader may not see it, or its key was erased. */
export const openContact = async (vault: PersonalDataVault, sealed: SealedContact | null): Promise<string | null> =>
  sealed ? ((await vault.decrypt(sealed.keyId, sealed.ciphertext)) ?? null) : null;
