import type { CalendarYear } from '@gongkai/calendar';
import type { LocalDate } from '@gongkai/kernel';
import { CONTEXTS, streamIdOf } from './publication';

/**
 * The working-day calendar as the oversight context publishes it: every process that counts legal
 * deadlines follows these events, and read models whose dates depend on the calendar recompute on
 * them.
 */

/** The notice a year comes from: 国务院办公厅关于…年部分节假日安排的通知, by number and date. */
export interface CalendarNotice {
  readonly title: string;
  readonly documentNumber: string;
  readonly issuedOn: LocalDate;
}

export interface CalendarHoliday {
  readonly date: LocalDate;
  /** The festival, e.g. 春节; null when the administrator gave none. */
  readonly name: string | null;
}

/** One year as the notice has it, with the working-day count it comes to (248 in 2025 and 2026). */
export interface WorkingDayCalendarYearData {
  readonly year: number;
  readonly holidays: readonly CalendarHoliday[];
  readonly makeUpWorkingDays: readonly LocalDate[];
  readonly notice: CalendarNotice;
  readonly reason: string;
  readonly workingDays: number;
  readonly loadedAt: string;
}

/** A year loaded for the first time, and a year in force replaced by a corrected one. */
export const WORKING_DAY_CALENDAR_EVENT_TYPES: readonly string[] = ['WorkingDayCalendarYearLoaded', 'WorkingDayCalendarYearRevised'];

/** The single national calendar: one stream, which every process can read whole. */
export const WORKING_DAY_CALENDAR_STREAM = streamIdOf(CONTEXTS.oversight, 'WorkingDayCalendar', 'national');

/** The year in the shape the calendar library counts with. */
export const calendarYearOf = (data: WorkingDayCalendarYearData): CalendarYear => ({
  year: data.year,
  holidays: data.holidays.map((holiday) => holiday.date),
  makeUpWorkingDays: data.makeUpWorkingDays,
  source: `${data.notice.title} (${data.notice.documentNumber}, ${data.notice.issuedOn})`,
});
