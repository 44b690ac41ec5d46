import { badInput } from '@gongkai/kernel';

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character set (digits and capitals without I, O, Z, S, V) — registration authority (1),
 * organisation category (1), administrative division (6), organisation code (9), check character (1).
 */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §4.3: the weight of position i (from 1) is 3^(i-1) mod 31. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));

/** The check character for the first 17 characters (GB 32100-2015 §4.3): C18 = 31 − (Σ Ci·Wi mod 31), 31 written 0. */
export const creditCodeCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARACTERS.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31];
};

const ALLOWED = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const DIVISION = /^\d{6}$/;

/**
 * Validates a credit code as typed (spaces around it ignored, lower case accepted) and returns it in
 * capitals; BAD_USER_INPUT names which part of the standard it breaks.
 */
export const requireCreditCode = (field: string, value: unknown): string => {
  if (value === undefined || value === null || value === '') throw badInput('REQUIRED', `${field} is required.`, { field });
  if (typeof value !== 'string') throw badInput('NOT_TEXT', `${field} must be text.`, { field });
  const code = value.trim().toUpperCase();
  if (code.length !== 18) throw badInput('CREDIT_CODE_LENGTH', `${field}: a unified social credit code has 18 characters (has ${code.length}).`, { field });
  if (!ALLOWED.test(code)) {
    throw badInput('CREDIT_CODE_CHARACTER', `${field}: a unified social credit code uses digits and capital letters other than I, O, Z, S and V.`, { field });
  }
  if (!DIVISION.test(code.slice(2, 8))) {
    throw badInput('CREDIT_CODE_DIVISION', `${field}: characters 3 to 8 must be the six-digit administrative division code.`, { field });
  }
  const expected = creditCodeCheckCharacter(code);
  if (code[17] !== expected) {
    throw badInput('CREDIT_CODE_CHECK', `${field}: ${code} fails the GB 32100-2015 check character (expected ${expected}); the code is mistyped.`, { field });
  }
  return code;
};
