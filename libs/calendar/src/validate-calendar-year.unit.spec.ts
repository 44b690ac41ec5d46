import { STATUTORY_CALENDAR_YEARS } from './statutory-years';
import { catchDomainError } from './testing/catch-domain-error';
import { validateCalendarYear } from './validate-calendar-year';
import type { CalendarYear } from './working-day-calendar';

/** An administrator's entry of a notice is checked before it can move any deadline. */
describe('validateCalendarYear', () => {
  const valid: CalendarYear = {
    year: 2026,
    holidays: ['2026-01-01', '2026-01-02', '2026-01-03'],
    makeUpWorkingDays: ['2026-01-04'],
    source: 'test notice',
  };

  const ruleBrokenBy = (change: Partial<CalendarYear>): string => {
    const error = catchDomainError(() => validateCalendarYear({ ...valid, ...change }));
    expect(error.code).toBe('BAD_USER_INPUT');
    return error.rule;
  };

  it('accepts the shipped notices and returns the year unchanged', () => {
    for (const year of STATUTORY_CALENDAR_YEARS) expect(validateCalendarYear(year)).toBe(year);
    expect(validateCalendarYear(valid)).toBe(valid);
  });

  it('accepts holidays on a weekend: notices list whole runs of days', () => {
    // Sat 2026-01-03 is part of the New Year run.
    expect(() => validateCalendarYear(valid)).not.toThrow();
  });

  it('rejects a year that is not a four-digit whole number', () => {
    expect(ruleBrokenBy({ year: 2026.5 })).toBe('CALENDAR_YEAR_INVALID');
    expect(ruleBrokenBy({ year: 0 })).toBe('CALENDAR_YEAR_INVALID');
  });

  it('rejects a year without a source', () => {
    expect(ruleBrokenBy({ source: '  ' })).toBe('CALENDAR_SOURCE_REQUIRED');
  });

  it('rejects a holiday that is not a real date (30 February)', () => {
    expect(ruleBrokenBy({ holidays: ['2026-02-30'] })).toBe('CALENDAR_DATE_INVALID');
    expect(ruleBrokenBy({ makeUpWorkingDays: ['2026-1-4'] })).toBe('CALENDAR_DATE_INVALID');
  });

  it('rejects a date outside the year (a 2025 date in the 2026 notice)', () => {
    expect(ruleBrokenBy({ holidays: ['2025-12-31'] })).toBe('CALENDAR_DATE_OUTSIDE_YEAR');
    expect(ruleBrokenBy({ makeUpWorkingDays: ['2027-01-02'] })).toBe('CALENDAR_DATE_OUTSIDE_YEAR');
  });

  it('rejects a date listed twice', () => {
    expect(ruleBrokenBy({ holidays: ['2026-01-01', '2026-01-01'] })).toBe('CALENDAR_DATE_DUPLICATE');
  });

  it('rejects a day that is both a holiday and a make-up working day', () => {
    // Sat 2026-02-14 is a make-up day; listing it as a holiday too is a contradiction.
    expect(ruleBrokenBy({ holidays: ['2026-02-14'], makeUpWorkingDays: ['2026-02-14'] })).toBe('CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP');
  });

  it('rejects a make-up working day on a weekday: it would change nothing, so it is a typo', () => {
    // Mon 2026-01-05 is a working day anyway; the notice meant Sun 2026-01-04.
    const error = catchDomainError(() => validateCalendarYear({ ...valid, makeUpWorkingDays: ['2026-01-05'] }));
    expect(error.rule).toBe('MAKE_UP_DAY_NOT_ON_WEEKEND');
    expect(error.details).toEqual({ year: 2026, date: '2026-01-05' });
  });
});
