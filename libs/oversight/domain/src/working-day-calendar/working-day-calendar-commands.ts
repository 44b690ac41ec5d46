import { createWorkingDayCalendar, defaultCalendar, requireLocalDate, STATUTORY_CALENDAR_YEARS, validateCalendarYear, workingDaysInYear } from '@gongkai/calendar';
import { assertNever, badInput, conflict, type DecideContext, type Decider, type LocalDate, requireList, requireRole, requireText } from '@gongkai/kernel';
import { requirePastDate, requireYear } from '../oversight-rules';
import { type CalendarHoliday, calendarYearOf, type WorkingDayCalendarYearData } from '@gongkai/contracts';
import { evolveWorkingDayCalendar, type WorkingDayCalendarEvent, type WorkingDayCalendarState } from './working-day-calendar-events';

export type WorkingDayCalendarCommand = {
  type: 'LoadWorkingDayCalendarYear';
  data: {
    year: number;
    holidays: readonly { date: string; name?: string | null }[];
    makeUpWorkingDays: readonly string[];
    notice: { title: string; documentNumber: string; issuedOn: string };
    reason: string;
    /** Required to replace a year already loaded or built in: a correction is deliberate. */
    replace?: boolean | null;
  };
};

export const WORKING_DAY_CALENDAR_COMMAND_TYPES: readonly WorkingDayCalendarCommand['type'][] = ['LoadWorkingDayCalendarYear'];

const requireHoliday = (item: unknown, index: number): CalendarHoliday => {
  const { date, name } = (item ?? {}) as { date?: unknown; name?: unknown };
  const field = `holidays[${index}]`;
  const named = requireText(`${field}.name`, name, { max: 50, optional: true });
  return { date: requireLocalDate(`${field}.date`, date), name: named === '' ? null : named };
};

/** A weekend day or a weekday, a year has at most 366 of them. */
const DAYS_MAX = 366;

/**
 * An administrator loads one year of the State Council's holiday notice, or replaces a loaded one
 * with a corrected version. The dates are checked as the notice's rules require (in the year, none
 * both holiday and make-up day, make-up days on weekends, each listed once), and the working-day
 * count is worked out and recorded: about 248 is what a real notice comes to.
 */
const loadYear = (command: WorkingDayCalendarCommand, state: WorkingDayCalendarState, context: DecideContext): WorkingDayCalendarEvent[] => {
  requireRole(context.actor, 'admin');
  const { data } = command;
  const year = requireYear('year', data.year);
  const holidays = requireList('holidays', data.holidays, { max: DAYS_MAX }, requireHoliday);
  const makeUpWorkingDays: LocalDate[] = requireList('makeUpWorkingDays', data.makeUpWorkingDays, { max: DAYS_MAX }, (date, i) => requireLocalDate(`makeUpWorkingDays[${i}]`, date));
  const notice = {
    title: requireText('notice.title', data.notice?.title, { max: 200 }),
    documentNumber: requireText('notice.documentNumber', data.notice?.documentNumber, { max: 50 }),
    issuedOn: requirePastDate('notice.issuedOn', data.notice?.issuedOn, context),
  };
  const reason = requireText('reason', data.reason, { max: 2000 });
  if (data.replace !== undefined && data.replace !== null && typeof data.replace !== 'boolean') throw badInput('NOT_BOOLEAN', 'replace must be true or false.', { field: 'replace' });

  const yearData = { year, holidays, makeUpWorkingDays, notice, reason, workingDays: 0, loadedAt: context.now.toISOString() };
  const calendarYear = validateCalendarYear(calendarYearOf(yearData));
  const workingDays = workingDaysInYear(createWorkingDayCalendar([calendarYear]), year);
  const loaded: WorkingDayCalendarYearData = { ...yearData, workingDays };

  const previousWorkingDays = state.loaded.get(year) ?? (STATUTORY_CALENDAR_YEARS.some((built) => built.year === year) ? workingDaysInYear(defaultCalendar(), year) : undefined);
  if (previousWorkingDays === undefined) return [{ type: 'WorkingDayCalendarYearLoaded', data: loaded }];
  if (data.replace !== true) {
    throw conflict('CALENDAR_YEAR_ALREADY_LOADED', `A calendar for ${year} is already in force: replacing it must be asked for explicitly (replace: true).`, { year });
  }
  return [{ type: 'WorkingDayCalendarYearRevised', data: { ...loaded, previousWorkingDays } }];
};

/**
 * The national working-day calendar (法定节假日与调休): one aggregate, one stream, because the
 * years are few and every process reads all of them. Owned by oversight (保障措施) as the admin acts
 * that keep the platform's legal clocks right; no context of its own for one command.
 */
export const workingDayCalendarDecider: Decider<WorkingDayCalendarCommand, WorkingDayCalendarEvent, WorkingDayCalendarState> = {
  initialState: () => ({ loaded: new Map() }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'LoadWorkingDayCalendarYear':
        return loadYear(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: evolveWorkingDayCalendar,
};
