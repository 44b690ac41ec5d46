import { badInput } from './errors';
import { findAgency, findDepartment } from './organisation';

/**
 * Edge validation shared by every context's deciders, so that every bad field gets the same kind
 * of error: BAD_USER_INPUT with the field's name and the rule it broke.
 */
export const requireText = (field: string, value: unknown, options: { max: number; min?: number; optional?: boolean }): string => {
  if (value === undefined || value === null || value === '') {
    if (options.optional) return '';
    throw badInput('REQUIRED', `${field} is required.`, { field });
  }
  if (typeof value !== 'string') throw badInput('NOT_TEXT', `${field} must be text.`, { field });
  const text = value.trim();
  if (text.length < (options.min ?? 1)) throw badInput('REQUIRED', `${field} is required.`, { field });
  if (text.length > options.max) {
    throw badInput('TOO_LONG', `${field} may have at most ${options.max} characters (has ${text.length}).`, { field, max: options.max });
  }
  return text;
};

export const requireInteger = (field: string, value: unknown, options: { min: number; max: number }): number => {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badInput('NOT_INTEGER', `${field} must be a whole number.`, { field });
  if (value < options.min || value > options.max) {
    throw badInput('OUT_OF_RANGE', `${field} must be between ${options.min} and ${options.max}.`, { field, min: options.min, max: options.max });
  }
  return value;
};

export const requireList = <T>(field: string, value: unknown, options: { max: number; min?: number }, each: (item: unknown, index: number) => T): T[] => {
  if (!Array.isArray(value)) throw badInput('NOT_LIST', `${field} must be a list.`, { field });
  if (value.length < (options.min ?? 0)) throw badInput('TOO_FEW', `${field} needs at least ${options.min} entries.`, { field });
  if (value.length > options.max) throw badInput('TOO_MANY', `${field} may have at most ${options.max} entries.`, { field, max: options.max });
  return value.map(each);
};

export const requireOneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw badInput('NOT_ALLOWED_VALUE', `${field} must be one of ${allowed.join(', ')}.`, { field, allowed });
  }
  return value as T;
};

export const requireDepartment = (field: string, value: unknown): string => {
  const code = requireText(field, value, { max: 64 });
  if (!findDepartment(code)) throw badInput('UNKNOWN_DEPARTMENT', `${field}: there is no department with code ${code}.`, { field });
  return code;
};

export const requireAgency = (field: string, value: unknown): string => {
  const code = requireText(field, value, { max: 16 });
  if (!findAgency(code)) throw badInput('UNKNOWN_AGENCY', `${field}: there is no agency with code ${code}.`, { field });
  return code;
};

/**
 * A query's filter on an agency or a department: left out, there is no filter (null); given, it
 * must be one of the bureau's, so that a mistyped code is not answered as a code with nothing in it.
 */
export const optionalAgency = (field: string, value: unknown): string | null => (value === undefined || value === null ? null : requireAgency(field, value));
export const optionalDepartment = (field: string, value: unknown): string | null => (value === undefined || value === null ? null : requireDepartment(field, value));

const URL_PATTERN = /^https?:\/\/[^\s]+$/;
export const requireUrl = (field: string, value: unknown, options: { optional?: boolean } = {}): string => {
  const text = requireText(field, value, { max: 2048, optional: options.optional });
  if (text && !URL_PATTERN.test(text)) throw badInput('NOT_URL', `${field} must be an http(s) address.`, { field });
  return text;
};

export const requireBoolean = (field: string, value: unknown): boolean => {
  if (typeof value !== 'boolean') throw badInput('NOT_BOOLEAN', `${field} must be true or false.`, { field });
  return value;
};
