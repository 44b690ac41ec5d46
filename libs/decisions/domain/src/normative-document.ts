import { addCalendarDays, compareLocalDates, isLocalDate, type LocalDate, optionalLocalDate, requireLocalDate } from '@gongkai/calendar';
import { badInput, requireDepartment, requireInteger, requireText } from '@gongkai/kernel';

/** Where a normative document (规范性文件) stands on a given day. */
export const DOCUMENT_STATUSES = ['IN_FORCE', 'AMENDED', 'REPEALED', 'EXPIRED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

// Guangdong Provincial Regulations on the Management of Administrative Normative Documents
// (广东省行政规范性文件管理规定): a normative document is valid for at most 5 years from the day it
// takes effect; one titled interim (暂行) or trial (试行) for at most 2 years.
export const DEFAULT_VALIDITY_YEARS = 5;
export const INTERIM_VALIDITY_YEARS = 2;

export const isInterimTitle = (title: string): boolean => /暂行|试行|\binterim\b|\btrial\b/i.test(title);

/** The same day `years` later; 29 February falls on 1 March in a common year. */
export const anniversaryOf = (date: LocalDate, years: number): LocalDate => {
  const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const same = `${year}${date.slice(4)}`;
  return isLocalDate(same) ? same : addCalendarDays(`${year}-02-28`, 1);
};

/** The last day of validity: the day before the anniversary of taking effect. */
export const validUntilOf = (effectiveOn: LocalDate, years: number): LocalDate => addCalendarDays(anniversaryOf(effectiveOn, years), -1);

/** Document numbers (发文字号) as GB/T 9704 writes them: issuer code, year in 〔〕, serial number, 号. */
const DOCUMENT_NUMBER = /^[\p{Script=Han}A-Za-z]+〔(\d{4})〕([1-9]\d{0,4})号$/u;

/** The standard form of a number typed with other brackets or with spaces: 云环办[2017]11号 → 云环办〔2017〕11号. */
export const normaliseDocumentNumber = (text: string): string =>
  text
    .replace(/[[［【(（]/g, '〔')
    .replace(/[\]］】)）]/g, '〕')
    .replace(/\s+/g, '');

export const requireDocumentNumber = (field: string, value: unknown): string => {
  const text = normaliseDocumentNumber(requireText(field, value, { max: 50 }));
  if (!DOCUMENT_NUMBER.test(text)) {
    throw badInput('INVALID_DOCUMENT_NUMBER', `${field} must be written like 云环办〔2017〕11号: issuer, year in 〔〕, serial number, 号.`, { field });
  }
  return text;
};

/** One entry of the register of normative documents (规范性文件目录). */
export interface NormativeDocumentEntry {
  readonly number: string;
  readonly title: string;
  readonly issuingDepartmentCode: string;
  readonly issuedOn: LocalDate;
  readonly effectiveOn: LocalDate;
  readonly validityYears: number;
  /** The last day it is valid; it has expired from the next day on, whether or not anyone looks. */
  readonly validUntil: LocalDate;
}

/** Validates an entry on `today`; validity defaults to 5 years, 2 for interim or trial documents. */
export const validateNormativeDocument = (input: Readonly<Record<string, unknown>>, today: LocalDate): NormativeDocumentEntry => {
  const number = requireDocumentNumber('number', input['number']);
  const title = requireText('title', input['title'], { max: 200 });
  const issuingDepartmentCode = requireDepartment('issuingDepartmentCode', input['issuingDepartmentCode']);
  const issuedOn = requireLocalDate('issuedOn', input['issuedOn']);
  const effectiveOn = optionalLocalDate('effectiveOn', input['effectiveOn']) ?? issuedOn;
  const maxYears = isInterimTitle(title) ? INTERIM_VALIDITY_YEARS : DEFAULT_VALIDITY_YEARS;
  const validityYears = input['validityYears'] === undefined || input['validityYears'] === null ? maxYears : requireInteger('validityYears', input['validityYears'], { min: 1, max: 99 });
  if (compareLocalDates(issuedOn, today) > 0) throw badInput('ISSUED_IN_THE_FUTURE', `A document issued on ${issuedOn} cannot be registered before that day.`, { field: 'issuedOn' });
  // A normative document does not apply before it is issued (不溯及既往).
  if (compareLocalDates(effectiveOn, issuedOn) < 0) throw badInput('EFFECTIVE_BEFORE_ISSUE', `A document cannot take effect (${effectiveOn}) before it is issued (${issuedOn}).`, { field: 'effectiveOn' });
  if (validityYears > maxYears) {
    throw badInput('VALIDITY_TOO_LONG', `This document may be valid for at most ${maxYears} years${maxYears === INTERIM_VALIDITY_YEARS ? ' (interim or trial)' : ''}.`, {
      field: 'validityYears',
      max: maxYears,
    });
  }
  return { number, title, issuingDepartmentCode, issuedOn, effectiveOn, validityYears, validUntil: validUntilOf(effectiveOn, validityYears) };
};

/** The dates a document's status is derived from. */
export interface DocumentLifecycle {
  readonly issuedOn: LocalDate;
  readonly validUntil: LocalDate;
  readonly repealedOn?: LocalDate | null;
  readonly amendedOn: readonly LocalDate[];
}

/**
 * The status on `asOf`, derived from the dates rather than set by a job: expiry needs no event.
 * Undefined before the document was issued.
 */
export const documentStatusAsOf = (document: DocumentLifecycle, asOf: LocalDate): DocumentStatus | undefined => {
  if (compareLocalDates(asOf, document.issuedOn) < 0) return undefined;
  if (document.repealedOn && compareLocalDates(document.repealedOn, asOf) <= 0) return 'REPEALED';
  if (compareLocalDates(asOf, document.validUntil) > 0) return 'EXPIRED';
  return document.amendedOn.some((day) => compareLocalDates(day, asOf) <= 0) ? 'AMENDED' : 'IN_FORCE';
};

/** In force, as amended or not: what the annual report counts as 现行有效. */
export const isInForce = (status: DocumentStatus | undefined): boolean => status === 'IN_FORCE' || status === 'AMENDED';
