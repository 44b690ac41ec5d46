import { CalendarRegistry } from './calendar-registry';
import { dateRange } from './local-date';
import { catchDomainError } from './testing/catch-domain-error';
import { type CalendarYear, workingDaysInYear } from './working-day-calendar';

/**
 * A made-up 2027, not the State Council's: New Year's Day on Friday 1 January and a Spring
 * Festival run of Saturday 6 – Sunday 14 February with Saturday 20 February worked.
 */
const test2027: CalendarYear = {
  year: 2027,
  holidays: ['2027-01-01', ...dateRange('2027-02-06', '2027-02-14')],
  makeUpWorkingDays: ['2027-02-20'],
  source: 'test notice 2027',
};

describe('CalendarRegistry: the calendar a process decides with, changed while it runs', () => {
  it('answers CALENDAR_YEAR_NOT_LOADED for a year not loaded, and the right working days once it is', () => {
    const registry = new CalendarRegistry();
    // Mon 2026-12-14 + 20 working days runs into 2027, which is not loaded yet.
    expect(catchDomainError(() => registry.addWorkingDays('2026-12-14', 20)).rule).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(registry.hasYear(2027)).toBe(false);

    expect(registry.load({ calendarYear: test2027, revision: 0 })).toBe(true);

    // Dec 15–18 [1–4], 21–25 [5–9], 28–31 [10–13]; Fri 01-01 holiday; Jan 4–8 [14–18]; Mon 01-11 [19], Tue 01-12 [20].
    expect(registry.addWorkingDays('2026-12-14', 20)).toBe('2027-01-12');
    // Fri 02-05 [1]; Feb 6–14 holiday; Mon 02-15 [2] … Fri 02-19 [6], Sat 02-20 make-up day [7].
    expect(registry.addWorkingDays('2027-02-04', 7)).toBe('2027-02-20');
    expect(registry.isWorkingDay('2027-02-20')).toBe(true);
    expect(registry.loadedYears()).toEqual([2025, 2026, 2027]);
    // 261 weekdays in 2027, less 1 + 5 weekday holidays, plus 1 make-up day.
    expect(workingDaysInYear(registry, 2027)).toBe(256);
  });

  it('keeps the seed years until a loaded year replaces one', () => {
    const registry = new CalendarRegistry();
    expect(workingDaysInYear(registry, 2026)).toBe(248);
    const corrected2026: CalendarYear = { year: 2026, holidays: ['2026-01-01'], makeUpWorkingDays: [], source: 'test correction' };
    registry.load({ calendarYear: corrected2026, revision: 0 });
    expect(registry.isWorkingDay('2026-02-16')).toBe(true);
    expect(registry.years().map((y) => [y.year, y.source])).toEqual([
      [2025, expect.stringContaining('2025')],
      [2026, 'test correction'],
    ]);
  });

  it('takes the later of two versions of a year, and ignores a change it has already seen', () => {
    const registry = new CalendarRegistry();
    const revised = { ...test2027, makeUpWorkingDays: [] };
    registry.load({ calendarYear: test2027, revision: 3 });
    registry.load({ calendarYear: revised, revision: 4 });
    expect(registry.load({ calendarYear: test2027, revision: 3 })).toBe(false);
    expect(registry.isWorkingDay('2027-02-20')).toBe(false);
    expect(registry.revision).toBe(4);
  });

  it('refuses an invalid year and keeps answering with what it had', () => {
    const registry = new CalendarRegistry();
    const broken = { ...test2027, makeUpWorkingDays: ['2027-02-19'] }; // a Friday
    expect(catchDomainError(() => registry.load({ calendarYear: broken, revision: 0 })).rule).toBe('MAKE_UP_DAY_NOT_ON_WEEKEND');
    expect(registry.hasYear(2027)).toBe(false);
    expect(registry.revision).toBe(-1);
    expect(workingDaysInYear(registry, 2025)).toBe(248);
  });
});
