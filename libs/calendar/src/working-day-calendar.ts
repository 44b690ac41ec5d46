import { badInput, calendarYearNotLoaded } from './errors';
import { civilDateOf, daysInYear, epochDayOf, epochDayOfLocalDate, isSupportedYear, isWeekend, localDateOfEpochDay } from './epoch-day';
import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { LocalDate } from './local-date';
import { STATUTORY_CALENDAR_YEARS } from './statutory-years';
import { validateCalendarYear } from './validate-calendar-year';

/**
 * One year of the State Council's holiday notice: the statutory holidays (法定节假日) and the
 * weekend days declared make-up working days (调休上班).
 */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly LocalDate[];
  readonly makeUpWorkingDays: readonly LocalDate[];
  /** Where the data comes from, e.g. the notice's title and date. */
  readonly source: string;
}

export type { WorkingDayCalendar } from '@gongkai/kernel';

/**
 * One year precomputed: `cumulative[i]` is the number of working days from 1 January up to and
 * including day `i` of the year. Counting a period is then two lookups, and finding the n-th
 * working day a binary search, whatever the length of the period.
 */
interface YearTable {
  readonly year: number;
  readonly firstEpochDay: number;
  readonly cumulative: Uint16Array;
}

const buildYearTable = (calendarYear: CalendarYear): YearTable => {
  const { year } = validateCalendarYear(calendarYear);
  const firstEpochDay = epochDayOf({ year, month: 1, day: 1 });
  const holidays = new Set(calendarYear.holidays.map(epochDayOfLocalDate));
  const makeUpDays = new Set(calendarYear.makeUpWorkingDays.map(epochDayOfLocalDate));
  const cumulative = new Uint16Array(daysInYear(year));
  let count = 0;
  for (let index = 0; index < cumulative.length; index++) {
    const epochDay = firstEpochDay + index;
    const working = makeUpDays.has(epochDay) || (!isWeekend(epochDay) && !holidays.has(epochDay));
    if (working) count++;
    cumulative[index] = count;
  }
  return { year, firstEpochDay, cumulative };
};

/** Working days in the year up to and including day `index` (0 for index -1). */
const countThrough = (table: YearTable, index: number): number => (index < 0 ? 0 : table.cumulative[index]);

/** The first day of the year by which `target` working days have passed; it is a working day. */
const dayReaching = (table: YearTable, target: number): number => {
  let low = 0;
  let high = table.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table.cumulative[middle] >= target) high = middle;
    else low = middle + 1;
  }
  return low;
};

/**
 * Builds the calendar from the loaded years (validated one by one; each year at most once).
 *
 * A working day is a Monday–Friday that is not a holiday, or a weekend day declared a make-up
 * working day (调休). Periods count from the day after the starting date, as Art. 33 of the
 * Regulations counts from the day after receipt; only the years of the days actually counted
 * must be loaded.
 */
export const createWorkingDayCalendar = (years: readonly CalendarYear[]): WorkingDayCalendar => {
  const tables = new Map<number, YearTable>();
  for (const calendarYear of years) {
    if (tables.has(calendarYear.year)) {
      throw badInput('CALENDAR_YEAR_DUPLICATE', `The calendar for ${calendarYear.year} is given twice.`, { year: calendarYear.year });
    }
    tables.set(calendarYear.year, buildYearTable(calendarYear));
  }
  const loaded: readonly number[] = Object.freeze([...tables.keys()].sort((a, b) => a - b));

  const tableFor = (year: number): YearTable => {
    const table = tables.get(year);
    if (!table) throw calendarYearNotLoaded(year);
    return table;
  };

  return {
    isWorkingDay(date) {
      const epochDay = epochDayOfLocalDate(date);
      const table = tableFor(civilDateOf(epochDay).year);
      const index = epochDay - table.firstEpochDay;
      return countThrough(table, index) > countThrough(table, index - 1);
    },

    addWorkingDays(from, days) {
      const start = epochDayOfLocalDate(from);
      if (!Number.isSafeInteger(days) || days < 0) {
        throw badInput('INVALID_WORKING_DAY_COUNT', `A number of working days must be a whole number of at least 0 (got ${days}).`, { days });
      }
      if (days === 0) return from;

      let remaining = days;
      let nextDay = start + 1;
      // Whole years are skipped with one subtraction; the loop ends at the first year not loaded.
      for (let year = civilDateOf(nextDay).year; ; year++) {
        const table = tableFor(year);
        const before = countThrough(table, nextDay - table.firstEpochDay - 1);
        const available = countThrough(table, table.cumulative.length - 1) - before;
        if (remaining <= available) return localDateOfEpochDay(table.firstEpochDay + dayReaching(table, before + remaining));
        remaining -= available;
        nextDay = table.firstEpochDay + table.cumulative.length;
      }
    },

    workingDaysBetween(from, to) {
      const first = epochDayOfLocalDate(from) + 1;
      const last = epochDayOfLocalDate(to);
      if (last < first) return 0;

      let total = 0;
      for (let year = civilDateOf(first).year; ; year++) {
        const table = tableFor(year);
        const lastOfYear = table.firstEpochDay + table.cumulative.length - 1;
        const lowIndex = Math.max(first, table.firstEpochDay) - table.firstEpochDay;
        const highIndex = Math.min(last, lastOfYear) - table.firstEpochDay;
        total += countThrough(table, highIndex) - countThrough(table, lowIndex - 1);
        if (last <= lastOfYear) return total;
      }
    },

    hasYear: (year) => tables.has(year),
    loadedYears: () => loaded,
  };
};

let statutoryCalendar: WorkingDayCalendar | undefined;

/** The calendar of the notices shipped with the code (STATUTORY_CALENDAR_YEARS), built once. */
export const defaultCalendar = (): WorkingDayCalendar => {
  statutoryCalendar ??= createWorkingDayCalendar(STATUTORY_CALENDAR_YEARS);
  return statutoryCalendar;
};

/** Working days in a whole year — 248 in both 2025 and 2026, a self-check for the data. */
export const workingDaysInYear = (calendar: WorkingDayCalendar, year: number): number => {
  if (!isSupportedYear(year)) throw badInput('CALENDAR_YEAR_INVALID', `${year} is not a calendar year between 1 and 9999.`, { year });
  const firstDay = localDateOfEpochDay(epochDayOf({ year, month: 1, day: 1 }));
  const lastDay = localDateOfEpochDay(epochDayOf({ year, month: 12, day: 31 }));
  // (1 Jan, 31 Dec] leaves out 1 January, which is then counted on its own.
  return (calendar.isWorkingDay(firstDay) ? 1 : 0) + calendar.workingDaysBetween(firstDay, lastDay);
};
