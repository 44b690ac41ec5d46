import { badInput, requireSealed, requireText, type SealedPersonalData } from '@gongkai/kernel';

/**
 * The applicant's personal data (个人信息): what the Regulations require a request to carry
 * (Regulations Art. 29: name, proof of identity, contact details) and the address for delivery.
 * It never enters an event, a read model or a log in plain text: the service layer encrypts it
 * under the request's own key before the command is sent, and the decider sees only the result.
 */
export interface ApplicantPersonalData {
  /** The person's name, or the organisation's name (姓名或者名称). */
  readonly name: string;
  /** Resident identity card, passport, or unified social credit code (身份证明). */
  readonly idNumber: string;
  /** Telephone or e-mail (联系方式). */
  readonly contact: string;
  readonly address: string;
}

/** The personal data as stored: ciphertext under the key `keyId` of the personal-data vault. */
export type { SealedPersonalData } from '@gongkai/kernel';

const ID_NUMBER = /^[0-9A-Za-z-]{4,32}$/;

/**
 * Validates the personal fields before they are encrypted. Messages name the field and the rule,
 * never the value: an error message is the one place a value could slip out to a caller or a log.
 */
export const validateApplicantPersonalData = (input: Readonly<Record<string, unknown>>): ApplicantPersonalData => {
  const name = requireText('applicantName', input['applicantName'], { max: 100 });
  const idNumber = requireText('idNumber', input['idNumber'], { max: 32 });
  if (!ID_NUMBER.test(idNumber)) {
    throw badInput('INVALID_ID_NUMBER', 'idNumber must be 4 to 32 letters, digits or hyphens, as written on the identity document.', { field: 'idNumber' });
  }
  return {
    name,
    idNumber: idNumber.toUpperCase(),
    contact: requireText('contact', input['contact'], { max: 100 }),
    address: requireText('address', input['address'], { max: 300, optional: true }),
  };
};

/** The decider accepts only ciphertext: plain personal data in a command is refused, not stored. */
export const requireSealedPersonalData = (value: unknown, requestId: string): SealedPersonalData =>
  requireSealed(value, requestId, {
    maxLength: 8000,
    code: 'PERSONAL_DATA_NOT_SEALED',
    message: 'The applicant’s personal data must arrive encrypted under the request’s own key.',
    field: 'applicant',
  });
