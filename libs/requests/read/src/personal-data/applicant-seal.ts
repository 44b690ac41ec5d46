import type { PersonalDataVault } from '@gongkai/event-sourcing';
import type { ApplicantPersonalData, SealedPersonalData } from '@gongkai/requests/domain';

/**
 * Encryption before the command, decryption after the query: the service layer's part of
 * crypto-shredding. The decider and the event store only ever see `SealedPersonalData`.
 */
export const sealApplicant = async (vault: PersonalDataVault, requestId: string, applicant: ApplicantPersonalData): Promise<SealedPersonalData> => {
  await vault.createKey(requestId);
  const { name, idNumber, contact, address } = applicant;
  return { keyId: requestId, ciphertext: await vault.encrypt(requestId, JSON.stringify({ name, idNumber, contact, address })) };
};

export type OpenedApplicant = { readonly erased: false; readonly data: ApplicantPersonalData } | { readonly erased: true };

/** The applicant's data, or "erased" once the erasure is in the history or the key is gone. */
export const openApplicant = async (vault: PersonalDataVault, sealed: SealedPersonalData, erasedInHistory: boolean): Promise<OpenedApplicant> => {
  if (erasedInHistory) return { erased: true };
  const text = await vault.decrypt(sealed.keyId, sealed.ciphertext);
  return text === undefined ? { erased: true } : { erased: false, data: JSON.parse(text) as ApplicantPersonalData };
};
