import { STATUTORY_CALENDAR_YEARS } from './statutory-years';
import { catchDomainError } from './testing/catch-domain-error';
import { type CalendarYear, createWorkingDayCalendar, defaultCalendar, workingDaysInYear } from './working-day-calendar';

/**
 * Deadlines of the Regulations on Open Government Information, counted in working days from the
 * day after receipt (Art. 33). Every expected date is worked out by hand in the comment above it,
 * day by day, with the count reached on each working day in brackets.
 */
describe('working-day arithmetic', () => {
  const calendar = defaultCalendar();

  describe('addWorkingDays: the 20-working-day answer deadline (Art. 33)', () => {
    it('receipt Fri 2026-02-13, before the Spring Festival → Thu 2026-03-19', () => {
      // Sat 02-14 make-up day [1]; Sun 02-15 … Mon 02-23 Spring Festival;
      // Tue 02-24 [2], 02-25 [3], 02-26 [4], Fri 02-27 [5], Sat 02-28 make-up day [6];
      // Mon 03-02 … Fri 03-06 [7–11]; Mon 03-09 … Fri 03-13 [12–16];
      // Mon 03-16 [17], Tue 03-17 [18], Wed 03-18 [19], Thu 03-19 [20].
      expect(calendar.addWorkingDays('2026-02-13', 20)).toBe('2026-03-19');
    });

    it('receipt Fri 2026-09-18, before Mid-Autumn and National Day → Thu 2026-10-22', () => {
      // Sat 09-19 weekend; Sun 09-20 make-up day [1]; Mon 09-21 … Thu 09-24 [2–5];
      // Fri 09-25 … Sun 09-27 Mid-Autumn; Mon 09-28 [6], Tue 09-29 [7], Wed 09-30 [8];
      // Thu 10-01 … Wed 10-07 National Day; Thu 10-08 [9], Fri 10-09 [10], Sat 10-10 make-up day [11];
      // Mon 10-12 … Fri 10-16 [12–16]; Mon 10-19 [17], 10-20 [18], 10-21 [19], Thu 10-22 [20].
      expect(calendar.addWorkingDays('2026-09-18', 20)).toBe('2026-10-22');
    });

    it('receipt Wed 2026-09-30, the eve of National Day → Tue 2026-11-03', () => {
      // Thu 10-01 … Wed 10-07 National Day; Thu 10-08 [1], Fri 10-09 [2], Sat 10-10 make-up day [3];
      // Mon 10-12 … Fri 10-16 [4–8]; Mon 10-19 … Fri 10-23 [9–13]; Mon 10-26 … Fri 10-30 [14–18];
      // Mon 11-02 [19], Tue 11-03 [20].
      expect(calendar.addWorkingDays('2026-09-30', 20)).toBe('2026-11-03');
    });

    it('receipt Fri 2025-09-26, before National Day 2025 → Thu 2025-10-30', () => {
      // Sat 09-27 weekend; Sun 09-28 make-up day [1]; Mon 09-29 [2], Tue 09-30 [3];
      // Wed 10-01 … Wed 10-08 National Day and Mid-Autumn; Thu 10-09 [4], Fri 10-10 [5],
      // Sat 10-11 make-up day [6]; Mon 10-13 … Fri 10-17 [7–11]; Mon 10-20 … Fri 10-24 [12–16];
      // Mon 10-27 [17], 10-28 [18], 10-29 [19], Thu 10-30 [20].
      expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
    });

    it('receipt Fri 2025-01-24, before the Spring Festival 2025 → Thu 2025-02-27', () => {
      // Sat 01-25 weekend; Sun 01-26 make-up day [1]; Mon 01-27 [2]; Tue 01-28 … Tue 02-04 Spring Festival;
      // Wed 02-05 [3], Thu 02-06 [4], Fri 02-07 [5], Sat 02-08 make-up day [6];
      // Mon 02-10 … Fri 02-14 [7–11]; Mon 02-17 … Fri 02-21 [12–16];
      // Mon 02-24 [17], 02-25 [18], 02-26 [19], Thu 02-27 [20].
      expect(calendar.addWorkingDays('2025-01-24', 20)).toBe('2025-02-27');
    });

    it('the day of receipt itself is never counted, even when it is a working day', () => {
      // Mon 2026-03-02 is a working day; one working day after it is Tue 03-03.
      expect(calendar.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
      // Receipt on a holiday: Fri 2026-02-20 → next working day Tue 02-24.
      expect(calendar.addWorkingDays('2026-02-20', 1)).toBe('2026-02-24');
    });

    it('0 working days is the starting date itself', () => {
      expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    });

    it('the result of a positive count is always a working day', () => {
      for (let days = 1; days <= 60; days++) {
        expect(calendar.isWorkingDay(calendar.addWorkingDays('2026-02-13', days))).toBe(true);
      }
    });

    it('rejects a negative or fractional count', () => {
      for (const days of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        const error = catchDomainError(() => calendar.addWorkingDays('2026-02-13', days));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.rule).toBe('INVALID_WORKING_DAY_COUNT');
      }
    });

    it('rejects an invalid starting date', () => {
      expect(catchDomainError(() => calendar.addWorkingDays('2026-02-30', 20)).rule).toBe('INVALID_DATE');
    });
  });

  describe('other periods of the Regulations', () => {
    it('3 working days for a policy interpretation published Wed 2026-09-30 → Sat 2026-10-10', () => {
      // Oct 1–7 National Day; Thu 10-08 [1], Fri 10-09 [2], Sat 10-10 make-up day [3].
      expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    });

    it('7 working days for a supplement notice (Art. 30) received Fri 2025-12-26 → Wed 2026-01-07', () => {
      // Mon 12-29 [1], Tue 12-30 [2], Wed 12-31 [3]; Thu 01-01 … Sat 01-03 New Year;
      // Sun 01-04 make-up day [4]; Mon 01-05 [5], Tue 01-06 [6], Wed 01-07 [7].
      expect(calendar.addWorkingDays('2025-12-26', 7)).toBe('2026-01-07');
    });
  });

  describe('crossing the year boundary 2025 → 2026', () => {
    it('receipt Wed 2025-12-31 → Thu 2026-01-29', () => {
      // Thu 01-01 … Sat 01-03 New Year; Sun 01-04 make-up day [1]; Mon 01-05 … Fri 01-09 [2–6];
      // Mon 01-12 … Fri 01-16 [7–11]; Mon 01-19 … Fri 01-23 [12–16];
      // Mon 01-26 [17], 01-27 [18], 01-28 [19], Thu 01-29 [20].
      expect(calendar.addWorkingDays('2025-12-31', 20)).toBe('2026-01-29');
    });

    it('the first working day of 2026 is Sunday 4 January', () => {
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
      expect(calendar.workingDaysBetween('2025-12-31', '2026-01-04')).toBe(1);
    });

    it('counts the working days of a span across both years', () => {
      // (2025-12-24, 2026-01-05]: Thu 12-25, Fri 12-26, Mon 12-29, Tue 12-30, Wed 12-31,
      // Sun 01-04 (make-up), Mon 01-05 = 7.
      expect(calendar.workingDaysBetween('2025-12-24', '2026-01-05')).toBe(7);
      // 2025-01-01 is a holiday, so (2024-12-31, 2026-12-31] holds both whole years.
      expect(calendar.workingDaysBetween('2024-12-31', '2026-12-31')).toBe(248 + 248);
    });
  });

  describe('a year without a loaded notice is an error, never a guess', () => {
    it.each([
      ['2024-06-03', 2024],
      ['2027-01-04', 2027],
    ])('isWorkingDay(%s) throws CALENDAR_YEAR_NOT_LOADED for %i', (date, year) => {
      const error = catchDomainError(() => calendar.isWorkingDay(date));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.rule).toBe('CALENDAR_YEAR_NOT_LOADED');
      expect(error.details).toEqual({ year });
      expect(error.message).toBe(
        `No working-day calendar is loaded for ${year}: an administrator must load the State Council notice for that year.`,
      );
    });

    it('a deadline running into 2027 throws, one that ends on 2026-12-31 does not', () => {
      // From Thu 2026-12-24: Fri 12-25 [1], Mon 12-28 [2], 12-29 [3], 12-30 [4], Thu 12-31 [5].
      expect(calendar.addWorkingDays('2026-12-24', 5)).toBe('2026-12-31');
      const error = catchDomainError(() => calendar.addWorkingDays('2026-12-24', 20));
      expect(error.rule).toBe('CALENDAR_YEAR_NOT_LOADED');
      expect(error.details).toEqual({ year: 2027 });
    });

    it('a receipt on the last day of an unloaded year is fine: only the days counted need data', () => {
      // Counting starts Wed 2025-01-01 (New Year, holiday); Thu 01-02 [1].
      expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    });

    it('workingDaysBetween throws when the span reaches an unloaded year', () => {
      expect(catchDomainError(() => calendar.workingDaysBetween('2026-12-01', '2027-01-10')).details).toEqual({ year: 2027 });
      expect(catchDomainError(() => calendar.workingDaysBetween('2024-12-01', '2025-01-10')).details).toEqual({ year: 2024 });
    });

    it('workingDaysInYear throws for an unloaded year', () => {
      expect(catchDomainError(() => workingDaysInYear(calendar, 2027)).rule).toBe('CALENDAR_YEAR_NOT_LOADED');
    });
  });

  describe('workingDaysBetween counts the working days in (from, to]', () => {
    it('is 0 for an empty or reversed interval, whatever the years', () => {
      expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
      expect(calendar.workingDaysBetween('2026-03-19', '2026-02-13')).toBe(0);
      expect(calendar.workingDaysBetween('2030-01-02', '2030-01-01')).toBe(0);
    });

    it('is 0 across a holiday run: (2026-02-14, 2026-02-23] is the whole Spring Festival', () => {
      expect(calendar.workingDaysBetween('2026-02-14', '2026-02-23')).toBe(0);
    });

    it.each([
      ['2026-02-13', 20],
      ['2026-09-18', 20],
      ['2026-09-30', 20],
      ['2025-09-26', 20],
      ['2025-01-24', 20],
      ['2025-12-31', 20],
      ['2025-12-26', 7],
      ['2026-09-30', 3],
      ['2025-03-03', 40], // an extended deadline: 20 + 20 working days
      ['2026-06-30', 60],
    ])('is the inverse of addWorkingDays: from %s, %i working days', (from, days) => {
      expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, days))).toBe(days);
    });

    it('counts every working day of the data exactly once when walked one by one', () => {
      let date = '2024-12-31';
      for (let days = 1; days <= 496; days++) {
        date = calendar.addWorkingDays(date, 1);
        expect(calendar.workingDaysBetween('2024-12-31', date)).toBe(days);
      }
      expect(date).toBe('2026-12-31'); // Thu 2026-12-31 is the 496th and last working day
    });
  });

  describe('building a calendar', () => {
    it('refuses the same year twice', () => {
      const error = catchDomainError(() => createWorkingDayCalendar([...STATUTORY_CALENDAR_YEARS, STATUTORY_CALENDAR_YEARS[0]]));
      expect(error.rule).toBe('CALENDAR_YEAR_DUPLICATE');
    });

    it('validates each year as it is loaded', () => {
      const bad: CalendarYear = { ...STATUTORY_CALENDAR_YEARS[1], makeUpWorkingDays: ['2026-10-09'] }; // a Friday
      expect(catchDomainError(() => createWorkingDayCalendar([bad])).rule).toBe('MAKE_UP_DAY_NOT_ON_WEEKEND');
    });

    it('an empty calendar knows no year', () => {
      const empty = createWorkingDayCalendar([]);
      expect(empty.loadedYears()).toEqual([]);
      expect(catchDomainError(() => empty.addWorkingDays('2026-02-13', 1)).rule).toBe('CALENDAR_YEAR_NOT_LOADED');
    });

    it('a year with no holidays is plain Monday–Friday: 2027 would have 261 weekdays', () => {
      // 2027 starts on a Friday and has 365 days: 52 whole weeks (260 weekdays) plus Friday 12-31.
      const plain = createWorkingDayCalendar([{ year: 2027, holidays: [], makeUpWorkingDays: [], source: 'test data' }]);
      expect(workingDaysInYear(plain, 2027)).toBe(261);
    });

    it('defaultCalendar is built once', () => {
      expect(defaultCalendar()).toBe(calendar);
    });
  });
});
