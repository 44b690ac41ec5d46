import type { LocalDate } from './local-date';

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

/** Working-day arithmetic as the Regulations count periods. */
export interface WorkingDayCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /**
   * The date `days` working days after `from`, counting from the day after `from` (the day of
   * receipt is not counted). `addWorkingDays('2026-02-13', 1)` is the next working day after it.
   */
  addWorkingDays(from: LocalDate, days: number): LocalDate;
  /** Working days in the half-open interval (from, to]; 0 when `to` is not after `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** Whether data for that year is loaded. A date in a year without data is an error, never a guess. */
  hasYear(year: number): boolean;
}
