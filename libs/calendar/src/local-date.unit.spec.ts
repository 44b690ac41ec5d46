import {
  addCalendarDays,
  calendarDaysBetween,
  compareLocalDates,
  dateRange,
  dayOfWeek,
  endOfLocalDay,
  isLocalDate,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
} from './local-date';
import { catchDomainError } from './testing/catch-domain-error';

describe('LocalDate: a calendar day written YYYY-MM-DD', () => {
  describe('parseLocalDate accepts only real calendar days', () => {
    it.each([
      ['2026-02-13', 'an ordinary day'],
      ['2024-02-29', '2024 is a leap year (divisible by 4)'],
      ['2000-02-29', '2000 is a leap year (divisible by 400)'],
      ['2026-12-31', 'the last day of a year'],
    ])('accepts %s (%s)', (text) => {
      expect(parseLocalDate(text)).toBe(text);
      expect(isLocalDate(text)).toBe(true);
    });

    it.each([
      ['2026-02-30', 'February never has 30 days'],
      ['2025-02-29', '2025 is not a leap year'],
      ['1900-02-29', '1900 is not a leap year (divisible by 100, not by 400)'],
      ['2026-04-31', 'April has 30 days'],
      ['2026-13-01', 'there is no 13th month'],
      ['2026-00-10', 'there is no month 0'],
      ['2026-01-00', 'there is no day 0'],
      ['0000-01-01', 'year 0 is outside 0001–9999'],
      ['2026-1-5', 'month and day need two digits'],
      ['20260105', 'the dashes are required'],
      [' 2026-01-05', 'no surrounding spaces'],
      ['2026-01-05T00:00', 'a date, not a date-time'],
      ['', 'empty'],
    ])('rejects %j (%s) with BAD_USER_INPUT / INVALID_DATE', (text) => {
      expect(isLocalDate(text)).toBe(false);
      const error = catchDomainError(() => parseLocalDate(text));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.rule).toBe('INVALID_DATE');
    });

    it('names the field in the error so that a form can point at it', () => {
      const error = catchDomainError(() => parseLocalDate('2026-02-30', 'receivedOn'));
      expect(error.details).toEqual({ field: 'receivedOn' });
      expect(error.message).toContain('receivedOn');
    });

    it('isLocalDate is false for values that are not text', () => {
      expect(isLocalDate(20260213)).toBe(false);
      expect(isLocalDate(undefined)).toBe(false);
      expect(isLocalDate(new Date('2026-02-13T00:00:00Z'))).toBe(false);
    });
  });

  describe('calendar arithmetic', () => {
    it('adds days across month, leap-day and year ends', () => {
      expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01'); // 2026 has no 29 February
      expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
      expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
      expect(addCalendarDays('2026-02-13', 0)).toBe('2026-02-13');
      expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01'); // 2025 has 365 days
    });

    it('refuses a fractional number of days', () => {
      expect(catchDomainError(() => addCalendarDays('2026-02-13', 1.5)).rule).toBe('INVALID_DAY_COUNT');
    });

    it('refuses to leave the years 0001–9999', () => {
      expect(catchDomainError(() => addCalendarDays('9999-12-31', 1)).rule).toBe('INVALID_DATE');
    });

    it('counts calendar days between two dates, signed', () => {
      expect(calendarDaysBetween('2026-02-13', '2026-02-14')).toBe(1);
      expect(calendarDaysBetween('2026-02-14', '2026-02-13')).toBe(-1);
      expect(calendarDaysBetween('2025-01-01', '2026-01-01')).toBe(365);
      expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    });

    it('compares dates for sorting', () => {
      expect(compareLocalDates('2025-12-31', '2026-01-01')).toBe(-1);
      expect(compareLocalDates('2026-01-01', '2026-01-01')).toBe(0);
      expect(compareLocalDates('2026-10-10', '2026-09-20')).toBe(1);
      expect(['2026-10-10', '2025-01-26', '2026-01-04'].sort(compareLocalDates)).toEqual(['2025-01-26', '2026-01-04', '2026-10-10']);
    });

    it('knows the day of the week (0 = Sunday)', () => {
      expect(dayOfWeek('1970-01-01')).toBe(4); // a Thursday
      expect(dayOfWeek('2026-01-01')).toBe(4); // New Year's Day 2026 is a Thursday
      expect(dayOfWeek('2026-01-04')).toBe(0); // the Sunday make-up working day
      expect(dayOfWeek('2026-02-14')).toBe(6); // the Saturday before the Spring Festival
      expect(dayOfWeek('2025-10-01')).toBe(3); // National Day 2025 is a Wednesday
      expect(dayOfWeek('1969-12-31')).toBe(3); // before day 0 as well
    });

    it('expands an inclusive range of dates, as a notice writes a holiday', () => {
      expect(dateRange('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
      expect(dateRange('2026-04-04', '2026-04-04')).toEqual(['2026-04-04']);
      expect(catchDomainError(() => dateRange('2026-04-06', '2026-04-04')).rule).toBe('INVALID_DATE_RANGE');
    });
  });

  describe('instants and the local day in Asia/Shanghai (UTC+8)', () => {
    it.each([
      ['2026-02-13T15:59:59.999Z', '2026-02-13', '23:59:59.999 in Shanghai: still the 13th'],
      ['2026-02-13T16:00:00.000Z', '2026-02-14', 'midnight in Shanghai: already the 14th'],
      ['2026-02-13T16:30:00.000Z', '2026-02-14', '00:30 on the 14th in Shanghai, though still the 13th in UTC'],
      ['2025-12-31T16:00:00.000Z', '2026-01-01', 'the new year starts eight hours before it does in UTC'],
      ['2026-03-01T00:00:00.000Z', '2026-03-01', '08:00 in Shanghai'],
    ])('%s is %s in Shanghai (%s)', (instant, expected) => {
      expect(localDateOf(new Date(instant))).toBe(expected);
    });

    it('takes another zone when asked', () => {
      expect(localDateOf(new Date('2026-02-13T16:30:00Z'), 'UTC')).toBe('2026-02-13');
      expect(localDateOf(new Date('2026-02-13T16:30:00Z'), 'America/New_York')).toBe('2026-02-13');
    });

    it('rejects an invalid instant and an unknown zone', () => {
      expect(catchDomainError(() => localDateOf(new Date('not a date'))).rule).toBe('INVALID_INSTANT');
      expect(catchDomainError(() => localDateOf(new Date(), 'Mars/Olympus_Mons')).rule).toBe('UNKNOWN_TIME_ZONE');
    });

    it('a Shanghai day runs from 16:00 UTC the day before to 16:00 UTC that day', () => {
      expect(startOfLocalDay('2026-02-14').toISOString()).toBe('2026-02-13T16:00:00.000Z');
      expect(endOfLocalDay('2026-02-14').toISOString()).toBe('2026-02-14T16:00:00.000Z');
      expect(endOfLocalDay('2025-12-31').toISOString()).toBe('2025-12-31T16:00:00.000Z'); // = start of 2026-01-01
    });

    it('start and end are the bounds of localDateOf: [start, end)', () => {
      for (const date of ['2025-01-01', '2026-02-14', '2026-10-10', '2026-12-31']) {
        const start = startOfLocalDay(date);
        const end = endOfLocalDay(date);
        expect(localDateOf(start)).toBe(date);
        expect(localDateOf(new Date(end.getTime() - 1))).toBe(date);
        expect(localDateOf(end)).toBe(addCalendarDays(date, 1));
      }
    });

    it('uses the real offset of 1986–1991, when Shanghai had summer time (UTC+9)', () => {
      expect(startOfLocalDay('1990-06-01').toISOString()).toBe('1990-05-31T15:00:00.000Z');
    });

    it('handles daylight saving in other zones: 29 March 2026 in Berlin has 23 hours', () => {
      // Clocks go from 02:00 CET (UTC+1) to 03:00 CEST (UTC+2) that night.
      expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
      expect(endOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    });

    it('when a clock change skips midnight, the day starts at the change (Havana, 8 March 2026)', () => {
      // Cuba moves from 00:00 UTC-5 straight to 01:00 UTC-4: the first instant of the day is 05:00 UTC.
      expect(startOfLocalDay('2026-03-08', 'America/Havana').toISOString()).toBe('2026-03-08T05:00:00.000Z');
      expect(localDateOf(startOfLocalDay('2026-03-08', 'America/Havana'), 'America/Havana')).toBe('2026-03-08');
    });
  });
});
