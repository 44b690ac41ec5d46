import { badInput } from './errors';
import { civilDateOfText, epochDayOf, isSupportedYear, isWeekend } from './epoch-day';
import type { LocalDate } from './local-date';
import type { CalendarYear } from './working-day-calendar';

/**
 * Checks one year of holiday data before it is loaded, so that a typing mistake in an
 * administrator's entry of the State Council notice cannot silently move every deadline.
 * Throws BAD_USER_INPUT with the rule that was broken; returns the year unchanged otherwise.
 *
 * Holidays (法定节假日) may fall on any day of the week — the notices list whole runs of days,
 * weekends included — but make-up working days (调休上班) only ever turn a weekend day into a
 * working day, so a weekday listed as one is a mistake.
 */
export const validateCalendarYear = (calendarYear: CalendarYear): CalendarYear => {
  const { year } = calendarYear;
  if (!isSupportedYear(year)) throw badInput('CALENDAR_YEAR_INVALID', `${year} is not a calendar year between 1 and 9999.`, { year });
  if (calendarYear.source.trim() === '') {
    throw badInput('CALENDAR_SOURCE_REQUIRED', `The calendar for ${year} must name its source, e.g. the State Council notice.`, { year });
  }

  const holidays = checkDates(year, 'holidays', calendarYear.holidays);
  const makeUpDays = checkDates(year, 'makeUpWorkingDays', calendarYear.makeUpWorkingDays);

  for (const [date, epochDay] of makeUpDays) {
    if (holidays.has(date)) {
      throw badInput('CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP', `${date} is listed both as a holiday and as a make-up working day.`, { year, date });
    }
    if (!isWeekend(epochDay)) {
      throw badInput('MAKE_UP_DAY_NOT_ON_WEEKEND', `${date} is a weekday: only a Saturday or Sunday can be a make-up working day.`, { year, date });
    }
  }
  return calendarYear;
};

/** Each date real, in the year and listed once; returns them with their day numbers. */
const checkDates = (year: number, field: keyof CalendarYear, dates: readonly LocalDate[]): Map<LocalDate, number> => {
  const seen = new Map<LocalDate, number>();
  for (const date of dates) {
    const civil = civilDateOfText(date);
    if (!civil) throw badInput('CALENDAR_DATE_INVALID', `${field}: ${JSON.stringify(String(date).slice(0, 40))} is not a real date written YYYY-MM-DD.`, { year, field });
    if (civil.year !== year) throw badInput('CALENDAR_DATE_OUTSIDE_YEAR', `${field}: ${date} does not lie in ${year}.`, { year, field, date });
    if (seen.has(date)) throw badInput('CALENDAR_DATE_DUPLICATE', `${field}: ${date} is listed twice.`, { year, field, date });
    seen.set(date, epochDayOf(civil));
  }
  return seen;
};
