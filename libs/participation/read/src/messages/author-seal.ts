import type { PersonalDataVault } from '@gongkai/event-sourcing';
import { requireText } from '@gongkai/kernel';
import { authorKeyOf, type SealedAuthor } from '@gongkai/participation/domain';

export interface OpenedAuthor {
  readonly name: string | null;
  readonly contact: string | null;
  readonly erased: boolean;
}

/**
 * Encryption before the command, decryption after the query: the gateway's part of keeping the
 * author's name and contact out of every event, read model and log. Undefined when neither was
 * given; checked first, so that bad input creates no key.
 */
export const sealAuthor = async (vault: PersonalDataVault, messageId: string, authorName: unknown, contact: unknown): Promise<SealedAuthor | undefined> => {
  const name = requireText('authorName', authorName, { max: 50, optional: true });
  const reach = requireText('contact', contact, { max: 100, optional: true });
  if (!name && !reach) return undefined;
  const keyId = authorKeyOf(messageId);
  await vault.createKey(keyId);
  return { keyId, ciphertext: await vault.encrypt(keyId, JSON.stringify({ name: name || null, contact: reach || null })) };
};

/** The author as given, or `erased` once the key is gone. */
export const openAuthor = async (vault: PersonalDataVault, sealed: SealedAuthor): Promise<OpenedAuthor> => {
  const text = await vault.decrypt(sealed.keyId, sealed.ciphertext);
  if (text === undefined) return { name: null, contact: null, erased: true };
  const { name, contact } = JSON.parse(text) as { name: string | null; contact: string | null };
  return { name, contact, erased: false };
};
