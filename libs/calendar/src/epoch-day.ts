/**
 * Internal: calendar dates as whole day numbers (days since 1970-01-01, proleptic Gregorian).
 *
 * Pure integer arithmetic (Howard Hinnant's `days_from_civil` / `civil_from_days`) rather than
 * `Date`, because `Date.UTC` maps years 0–99 to 1900–1999 and because date arithmetic must not
 * depend on the host's time zone. Not exported from the library: callers use `LocalDate`.
 */
import { badInput, invalidDate } from './errors';
import type { LocalDate } from './local-date';

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];

export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

export const epochDayOf = ({ year, month, day }: CivilDate): number => {
  // Shift the year to start in March so that the leap day is the last day of the "year".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

export const civilDateOf = (epochDay: number): CivilDate => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
};

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday (4). */
export const weekdayOf = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

export const isWeekend = (epochDay: number): boolean => {
  const weekday = weekdayOf(epochDay);
  return weekday === 0 || weekday === 6;
};

export const MS_PER_DAY = 86_400_000;

/** `LocalDate` covers the years 0001–9999: four digits, and no year 0 to confuse eras. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The civil date written by `text`, or undefined when it is not a real `YYYY-MM-DD` day. */
export const civilDateOfText = (text: unknown): CivilDate | undefined => {
  if (typeof text !== 'string') return undefined;
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
};

export const isSupportedYear = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Writes a civil date as `YYYY-MM-DD`; undefined when the year has no four-digit form. */
export const formatCivilDate = ({ year, month, day }: CivilDate): string | undefined =>
  isSupportedYear(year) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : undefined;

/** The day number of a validated date. */
export const epochDayOfLocalDate = (date: LocalDate): number => {
  const civil = civilDateOfText(date);
  if (!civil) throw invalidDate(date);
  return epochDayOf(civil);
};

/** The date of a day number; throws when it leaves the years 0001–9999. */
export const localDateOfEpochDay = (epochDay: number): LocalDate => {
  const text = formatCivilDate(civilDateOf(epochDay));
  if (text === undefined) throw badInput('INVALID_DATE', 'The date falls outside the years 0001–9999.');
  return text;
};

