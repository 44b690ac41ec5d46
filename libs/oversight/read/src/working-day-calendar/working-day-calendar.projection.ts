import type { RecordedEvent } from '@gongkai/event-sourcing';
import { WORKING_DAY_CALENDAR_EVENT_TYPES, type WorkingDayCalendarYearData } from '@gongkai/contracts';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const WORKING_DAY_CALENDAR_YEARS = 'oversight_working_day_calendar_years';

/** One loaded year as it is in force, with the revision of the calendar stream that set it. */
export interface WorkingDayCalendarYearDocument extends ReadDocument, WorkingDayCalendarYearData {
  /** How many times the year was loaded: 1, then one more for each correction. */
  readonly versions: number;
  readonly revision: number;
}

/** The loaded calendar years: public, as deadlines in law are. */
export const workingDayCalendarProjection: Projection = {
  name: 'oversight.working-day-calendar',
  version: 1,
  collections: [WORKING_DAY_CALENDAR_YEARS],
  indexes: {},
  handles: WORKING_DAY_CALENDAR_EVENT_TYPES,

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const data = event.data as WorkingDayCalendarYearData;
    const years = store.collection<WorkingDayCalendarYearDocument>(WORKING_DAY_CALENDAR_YEARS);
    const _id = String(data.year);
    const before = await years.findOne({ _id });
    const { year, holidays, makeUpWorkingDays, notice, reason, workingDays, loadedAt } = data;
    await years.replaceOne(
      { _id },
      { _id, year, holidays, makeUpWorkingDays, notice, reason, workingDays, loadedAt, versions: (before?.versions ?? 0) + 1, revision: event.revision },
      { upsert: true },
    );
  },
};
