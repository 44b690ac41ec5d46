import { isLocalDate, requireLocalDate, startOfLocalDay, utcInstantOf } from '@gongkai/calendar';
import { badInput, requireOneOf, requireText } from '@gongkai/kernel';
import { requireCreditCode } from './credit-code';

/** How a detail field is written and checked. */
export type FieldType =
  | { readonly kind: 'text'; readonly max: number; readonly pattern?: RegExp; readonly patternRule?: string }
  | { readonly kind: 'number'; readonly min?: number }
  | { readonly kind: 'fen' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'instant' }
  | { readonly kind: 'oneOf'; readonly values: readonly string[] }
  | { readonly kind: 'creditCode' }
  | { readonly kind: 'indicators' };

export interface DetailField {
  readonly name: string;
  /** The column heading a bureau's spreadsheet uses; accepted in CSV headers beside `name`. */
  readonly label: string;
  readonly required: boolean;
  readonly type: FieldType;
}

/** A value as it came: typed (GraphQL JSON) or as the text of a CSV cell. */
export type FieldSource = 'json' | 'csv';

/** Money in fen up to 10^13 (one hundred billion yuan): far beyond any fee or fine. */
const MAX_FEN = 10_000_000_000_000;
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const TRUE_WORDS = ['true', '1', 'yes', 'y', '是'];
const FALSE_WORDS = ['false', '0', 'no', 'n', '否'];
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

const readNumber = (field: string, value: unknown, source: FieldSource, min?: number): number => {
  const text = typeof value === 'string' && source === 'csv' ? value.trim() : undefined;
  const number = text !== undefined && DECIMAL.test(text) ? Number(text) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw badInput('NOT_A_NUMBER', `${field} must be a number.`, { field });
  if (min !== undefined && number < min) throw badInput('OUT_OF_RANGE', `${field} may not be less than ${min}.`, { field, min });
  return number;
};

const readFen = (field: string, value: unknown, source: FieldSource): number => {
  const text = typeof value === 'string' && source === 'csv' ? value.trim() : undefined;
  const fen = text !== undefined && /^\d+$/.test(text) ? Number(text) : value;
  if (typeof fen !== 'number' || !Number.isInteger(fen)) throw badInput('NOT_INTEGER', `${field} is a whole number of fen.`, { field });
  if (fen < 0 || fen > MAX_FEN) throw badInput('OUT_OF_RANGE', `${field} must be between 0 and ${MAX_FEN} fen.`, { field, min: 0, max: MAX_FEN });
  return fen;
};

const readBoolean = (field: string, value: unknown, source: FieldSource): boolean => {
  if (typeof value === 'boolean') return value;
  const word = source === 'csv' && typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (word !== undefined && TRUE_WORDS.includes(word)) return true;
  if (word !== undefined && FALSE_WORDS.includes(word)) return false;
  throw badInput('NOT_A_BOOLEAN', `${field} must be true or false (是/否).`, { field });
};

/**
 * An instant, stored as UTC ISO-8601. With an offset it is taken as written; a wall-clock time
 * without one (as spreadsheets write it) is a time in Asia/Shanghai.
 */
const readInstant = (field: string, value: unknown): string => {
  const text = requireText(field, value, { max: 40 });
  const local = LOCAL_DATE_TIME.exec(text);
  if (local && isLocalDate(local[1])) {
    const [, date, hours, minutes, seconds] = local;
    const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000;
    if (Number(hours) < 24 && Number(minutes) < 60 && Number(seconds ?? 0) < 60) return new Date(startOfLocalDay(date).getTime() + ms).toISOString();
  }
  const instant = utcInstantOf(text);
  if (!instant) throw badInput('INVALID_INSTANT', `${field} must be a time such as 2026-03-02 10:30 (Beijing time) or 2026-03-02T02:30:00Z.`, { field });
  return instant;
};

export interface Indicator {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly standard?: number;
}

/** A list of indicators; in a CSV cell it is written as JSON, e.g. [{"name":"PM2.5","value":31,"unit":"μg/m³"}]. */
const readIndicators = (field: string, value: unknown, source: FieldSource): Indicator[] => {
  let list = value;
  if (source === 'csv' && typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      throw badInput('NOT_A_LIST', `${field} must be a JSON list of {name, value, unit, standard}.`, { field });
    }
  }
  if (!Array.isArray(list) || list.length === 0) throw badInput('NOT_A_LIST', `${field} must list at least one indicator.`, { field });
  if (list.length > 100) throw badInput('TOO_MANY', `${field} may list at most 100 indicators.`, { field, max: 100 });
  return list.map((item: unknown, i): Indicator => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const standard = entry['standard'] === undefined || entry['standard'] === null ? undefined : readNumber(`${field}[${i}].standard`, entry['standard'], 'json');
    return {
      name: requireText(`${field}[${i}].name`, entry['name'], { max: 100 }),
      value: readNumber(`${field}[${i}].value`, entry['value'], 'json'),
      unit: requireText(`${field}[${i}].unit`, entry['unit'], { max: 30 }),
      ...(standard === undefined ? {} : { standard }),
    };
  });
};

const isAbsent = (value: unknown, source: FieldSource): boolean =>
  value === undefined || value === null || (typeof value === 'string' && (source === 'csv' ? value.trim() === '' : value === ''));

/** Reads one detail field; undefined when an optional field is absent. Errors name the field and the rule. */
export const readField = (field: DetailField, value: unknown, source: FieldSource): unknown => {
  if (isAbsent(value, source)) {
    if (field.required) throw badInput('REQUIRED', `${field.name} is required.`, { field: field.name });
    return undefined;
  }
  const { name, type } = field;
  switch (type.kind) {
    case 'text': {
      const text = requireText(name, value, { max: type.max });
      if (type.pattern && !type.pattern.test(text)) throw badInput(type.patternRule ?? 'INVALID_FORMAT', `${name} is not written as expected.`, { field: name });
      return text;
    }
    case 'number':
      return readNumber(name, value, source, type.min);
    case 'fen':
      return readFen(name, value, source);
    case 'boolean':
      return readBoolean(name, value, source);
    case 'date':
      return requireLocalDate(name, value);
    case 'instant':
      return readInstant(name, value);
    case 'oneOf':
      return requireOneOf(name, typeof value === 'string' ? value.trim() : value, type.values);
    case 'creditCode':
      return requireCreditCode(name, value);
    case 'indicators':
      return readIndicators(name, value, source);
  }
};
