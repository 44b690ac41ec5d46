import { type CalendarYear, createWorkingDayCalendar, STATUTORY_CALENDAR_YEARS, validateCalendarYear, workingDaysInYear } from '@gongkai/calendar';
import { calendarYearOf, CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentRequest, type GatewayContext } from '@gongkai/graphql';
import { notFound, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { WORKING_DAY_CALENDAR_YEARS, type WorkingDayCalendarYearDocument } from '../working-day-calendar/working-day-calendar.projection';
import { WorkingDayCalendarYear, WorkingDayCalendarYearInput } from './working-day-calendar.types';

const builtInYear = (calendarYear: CalendarYear): WorkingDayCalendarYear => ({
  year: calendarYear.year,
  holidays: calendarYear.holidays.map((date) => ({ date, name: null })),
  makeUpWorkingDays: [...calendarYear.makeUpWorkingDays],
  workingDays: workingDaysInYear(createWorkingDayCalendar([calendarYear]), calendarYear.year),
  source: calendarYear.source,
  notice: null,
  builtIn: true,
  reason: null,
  loadedAt: null,
  versions: 0,
});

const loadedYear = (doc: WorkingDayCalendarYearDocument): WorkingDayCalendarYear => ({
  year: doc.year,
  holidays: doc.holidays.map(({ date, name }) => ({ date, name })),
  makeUpWorkingDays: [...doc.makeUpWorkingDays],
  workingDays: doc.workingDays,
  source: calendarYearOf(doc).source,
  notice: { ...doc.notice },
  builtIn: false,
  reason: doc.reason,
  loadedAt: doc.loadedAt,
  versions: doc.versions,
});

/** The working-day calendar: public to read, loaded and corrected by administrators only. */
@Resolver(() => WorkingDayCalendarYear)
export class WorkingDayCalendarResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [WorkingDayCalendarYear], { description: 'Every calendar year deadlines can be counted in, ascending: loaded years and the built-in ones they did not replace. Public.' })
  async workingDayCalendarYears(): Promise<WorkingDayCalendarYear[]> {
    const loaded = await this.store.collection<WorkingDayCalendarYearDocument>(WORKING_DAY_CALENDAR_YEARS).find({}, { sort: { year: 1 } });
    const loadedYears = new Set(loaded.map((doc) => doc.year));
    const builtIn = STATUTORY_CALENDAR_YEARS.filter((year) => !loadedYears.has(year.year)).map(builtInYear);
    return [...builtIn, ...loaded.map(loadedYear)].sort((a, b) => a.year - b.year);
  }

  @Mutation(() => WorkingDayCalendarYear, { description: 'Loads one year of the State Council holiday notice, or replaces one in force (replace: true); administrators only, recorded with the reason.' })
  async loadWorkingDayCalendarYear(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => WorkingDayCalendarYearInput }) input: WorkingDayCalendarYearInput): Promise<WorkingDayCalendarYear> {
    requireRole(request.actor, 'admin');
    // The decider checks the same again; refusing here keeps a bad notice off the bus.
    validateCalendarYear({ year: input.year, holidays: input.holidays.map((holiday) => holiday.date), makeUpWorkingDays: input.makeUpWorkingDays, source: input.notice.title });
    const data = {
      year: input.year,
      holidays: input.holidays.map(({ date, name }) => ({ date, name: name ?? null })),
      makeUpWorkingDays: input.makeUpWorkingDays,
      notice: { title: input.notice.title, documentNumber: input.notice.documentNumber, issuedOn: input.notice.issuedOn },
      reason: input.reason,
      replace: input.replace ?? false,
    };
    await this.commands.execute(request, CONTEXTS.oversight, 'LoadWorkingDayCalendarYear', data, commandOptions(request, input.reason));
    const doc = await this.store.collection<WorkingDayCalendarYearDocument>(WORKING_DAY_CALENDAR_YEARS).findOne({ _id: String(input.year) });
    if (!doc) throw notFound('CALENDAR_YEAR_NOT_FOUND', `The calendar for ${input.year} is not visible yet; ask again in a moment.`);
    return loadedYear(doc);
  }
}
