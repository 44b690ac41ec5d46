import { requireText } from './errors';
import { type LocalDate, parseLocalDate } from './local-date';

/** A date in law from raw input: BAD_USER_INPUT naming the field when it is missing or not a real day. */
export const requireLocalDate = (field: string, value: unknown): LocalDate => parseLocalDate(requireText(field, value, { max: 10 }), field);

/** The same, or undefined when the caller left it out. */
export const optionalLocalDate = (field: string, value: unknown): LocalDate | undefined =>
  value === undefined || value === null || value === '' ? undefined : requireLocalDate(field, value);
