/**
 * The library's errors, and its only import from @gongkai/kernel: callers and the GraphQL layer
 * recognise a `DomainError` by class, so the calendar must throw the kernel's own.
 */
import { DomainError, badInput, requireText } from '@gongkai/kernel';

export { DomainError, badInput, requireText };

export const invalidDate = (text: unknown, field?: string): DomainError =>
  badInput(
    'INVALID_DATE',
    `${field ? `${field}: ` : ''}${JSON.stringify(String(text).slice(0, 40))} is not a real calendar date written YYYY-MM-DD.`,
    field ? { field } : {},
  );

/**
 * The error for a date in a year whose notice has not been loaded. Deadlines must never be
 * guessed from weekdays alone: the notice routinely moves a whole week.
 */
export const calendarYearNotLoaded = (year: number): DomainError =>
  new DomainError(
    'BAD_USER_INPUT',
    'CALENDAR_YEAR_NOT_LOADED',
    `No working-day calendar is loaded for ${year}: an administrator must load the State Council notice for that year.`,
    { year },
  );

/** The refusal of `calendarYearNotLoaded`: what callers that may wait for the year's notice tell apart. */
export const isCalendarYearNotLoaded = (error: unknown): error is DomainError => error instanceof DomainError && error.rule === 'CALENDAR_YEAR_NOT_LOADED';
