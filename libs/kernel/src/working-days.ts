/** A date in law: a calendar day in Asia/Shanghai, written `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * Working-day arithmetic as the Regulations count periods. Deciders receive one in their context;
 * @gongkai/calendar implements it from the State Council's holiday notices.
 */
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
  /** The loaded years, ascending — e.g. to warn an administrator before the next year begins. */
  loadedYears(): readonly number[];
}
