import type { WorkingDayCalendarYearData } from '@gongkai/contracts';

export type WorkingDayCalendarEvent =
  | { type: 'WorkingDayCalendarYearLoaded'; data: WorkingDayCalendarYearData }
  | {
      type: 'WorkingDayCalendarYearRevised';
      /** `previousWorkingDays` is the count of the version replaced, the built-in data's included. */
      data: WorkingDayCalendarYearData & { readonly previousWorkingDays: number };
    };

/** The years loaded so far and each one's working-day count; the built-in years are not here. */
export interface WorkingDayCalendarState {
  readonly loaded: ReadonlyMap<number, number>;
}

export const evolveWorkingDayCalendar = (state: WorkingDayCalendarState, event: WorkingDayCalendarEvent): WorkingDayCalendarState => ({
  loaded: new Map(state.loaded).set(event.data.year, event.data.workingDays),
});
