import { dayOfWeek } from './local-date';
import { STATUTORY_CALENDAR_YEARS } from './statutory-years';
import { defaultCalendar, workingDaysInYear } from './working-day-calendar';

/**
 * The holiday data of the State Council notices for 2025 and 2026 (DOMAIN.md, "Working days").
 * Each figure below is taken from the notice text, not from the code.
 */
describe('the statutory calendar of 2025 and 2026', () => {
  const calendar = defaultCalendar();

  it('loads exactly 2025 and 2026, each naming its notice', () => {
    expect(STATUTORY_CALENDAR_YEARS.map((year) => year.year)).toEqual([2025, 2026]);
    expect(STATUTORY_CALENDAR_YEARS[0].source).toContain('12 November 2024');
    expect(STATUTORY_CALENDAR_YEARS[1].source).toContain('4 November 2025');
    expect(calendar.loadedYears()).toEqual([2025, 2026]);
    expect(calendar.hasYear(2025) && calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('has 248 working days in each year (self-check of the data)', () => {
    // 2025: 261 weekdays − 18 holidays on weekdays + 5 make-up days = 248.
    expect(workingDaysInYear(calendar, 2025)).toBe(248);
    // 2026: 261 weekdays − 19 holidays on weekdays + 6 make-up days = 248.
    expect(workingDaysInYear(calendar, 2026)).toBe(248);
  });

  it('lists 28 holiday dates for 2025 and 33 for 2026 once the ranges are expanded', () => {
    // 2025: 1 + 8 (28 Jan–4 Feb) + 3 + 5 + 3 (31 May–2 Jun) + 8 (1–8 Oct) = 28.
    expect(STATUTORY_CALENDAR_YEARS[0].holidays).toHaveLength(28);
    // 2026: 3 + 9 (15–23 Feb) + 3 + 5 + 3 + 3 + 7 = 33.
    expect(STATUTORY_CALENDAR_YEARS[1].holidays).toHaveLength(33);
  });

  describe('make-up working days (调休上班) are working days although they fall on a weekend', () => {
    it.each([
      ['2025-01-26', 0, 'Sunday before the 2025 Spring Festival'],
      ['2025-02-08', 6, 'Saturday after the 2025 Spring Festival'],
      ['2025-04-27', 0, 'Sunday before Labour Day 2025'],
      ['2025-09-28', 0, 'Sunday before National Day 2025'],
      ['2025-10-11', 6, 'Saturday after National Day 2025'],
      ['2026-01-04', 0, 'Sunday after New Year 2026'],
      ['2026-02-14', 6, 'Saturday before the 2026 Spring Festival'],
      ['2026-02-28', 6, 'Saturday after the 2026 Spring Festival'],
      ['2026-05-09', 6, 'Saturday after Labour Day 2026'],
      ['2026-09-20', 0, 'Sunday before Mid-Autumn and National Day 2026'],
      ['2026-10-10', 6, 'Saturday after National Day 2026'],
    ])('%s (weekday %i, %s) is a working day', (date, weekday) => {
      expect(dayOfWeek(date)).toBe(weekday);
      expect(calendar.isWorkingDay(date)).toBe(true);
    });
  });

  describe('statutory holidays (法定节假日) that fall on a weekday are not working days', () => {
    it.each([
      ['2025-01-01', 'Wednesday, New Year 2025'],
      ['2025-01-28', 'Tuesday, first day of the 2025 Spring Festival'],
      ['2025-02-04', 'Tuesday, last day of the 2025 Spring Festival'],
      ['2025-04-04', 'Friday, Qingming 2025'],
      ['2025-05-05', 'Monday, end of Labour Day 2025'],
      ['2025-06-02', 'Monday, Dragon Boat 2025'],
      ['2025-10-08', 'Wednesday, last day of National Day 2025'],
      ['2026-01-01', 'Thursday, New Year 2026'],
      ['2026-01-02', 'Friday, New Year 2026'],
      ['2026-02-16', 'Monday, Spring Festival 2026'],
      ['2026-02-23', 'Monday, last day of the Spring Festival 2026'],
      ['2026-04-06', 'Monday, Qingming 2026'],
      ['2026-05-05', 'Tuesday, end of Labour Day 2026'],
      ['2026-06-19', 'Friday, Dragon Boat 2026'],
      ['2026-09-25', 'Friday, Mid-Autumn 2026'],
      ['2026-10-07', 'Wednesday, last day of National Day 2026'],
    ])('%s (%s) is not a working day', (date) => {
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(date));
      expect(calendar.isWorkingDay(date)).toBe(false);
    });
  });

  it('ordinary weekdays are working days and ordinary weekends are not', () => {
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true); // Tuesday, first day back after the Spring Festival
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true); // Thursday, first day back after National Day
    expect(calendar.isWorkingDay('2026-03-01')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-02-21')).toBe(false); // Saturday inside the Spring Festival
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // Sunday right after the make-up Saturday
  });
});
