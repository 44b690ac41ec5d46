import type { WorkingDayCalendar } from '@gongkai/kernel';
import { STATUTORY_CALENDAR_YEARS } from './statutory-years';
import { type CalendarYear, createWorkingDayCalendar } from './working-day-calendar';

/** A year an administrator loaded, with the revision of the event that carried it. */
export interface LoadedCalendarYear {
  readonly calendarYear: CalendarYear;
  /** Position in the calendar's own history: a change seen again or late is ignored. */
  readonly revision: number;
}

/**
 * The working-day calendar a process decides with, kept current while it runs: the years shipped
 * with the code (the seed) and the years an administrator loaded from the State Council's notice,
 * a loaded year replacing a seed year of the same number. The process's feed hands it every loaded
 * year; the next deadline counted uses it, without a restart.
 *
 * A year that fails validation is refused before anything changes, so a bad feed can never leave
 * the process without a calendar.
 */
export class CalendarRegistry implements WorkingDayCalendar {
  private readonly loaded = new Map<number, CalendarYear>();
  private lastRevision = -1;
  private calendar: WorkingDayCalendar;

  constructor(private readonly seed: readonly CalendarYear[] = STATUTORY_CALENDAR_YEARS) {
    this.calendar = createWorkingDayCalendar(seed);
  }

  /** Takes a loaded year; returns false when that change (or a later one) was taken already. */
  load({ calendarYear, revision }: LoadedCalendarYear): boolean {
    if (revision <= this.lastRevision) return false;
    const loaded = new Map(this.loaded).set(calendarYear.year, calendarYear);
    this.calendar = createWorkingDayCalendar(this.yearsWith(loaded));
    this.loaded.set(calendarYear.year, calendarYear);
    this.lastRevision = revision;
    return true;
  }

  /** The revision of the last change taken; -1 while only the seed is known. */
  get revision(): number {
    return this.lastRevision;
  }

  /** Every year known, ascending: loaded years, and seed years no loaded year replaced. */
  years(): readonly CalendarYear[] {
    return this.yearsWith(this.loaded);
  }

  private yearsWith(loaded: ReadonlyMap<number, CalendarYear>): CalendarYear[] {
    const seedOnly = this.seed.filter((year) => !loaded.has(year.year));
    return [...seedOnly, ...loaded.values()].sort((a, b) => a.year - b.year);
  }

  isWorkingDay(date: string): boolean {
    return this.calendar.isWorkingDay(date);
  }

  addWorkingDays(from: string, days: number): string {
    return this.calendar.addWorkingDays(from, days);
  }

  workingDaysBetween(from: string, to: string): number {
    return this.calendar.workingDaysBetween(from, to);
  }

  hasYear(year: number): boolean {
    return this.calendar.hasYear(year);
  }

  loadedYears(): readonly number[] {
    return this.calendar.loadedYears();
  }
}
