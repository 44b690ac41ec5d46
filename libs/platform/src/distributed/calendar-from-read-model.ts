import type { CalendarRegistry } from '@gongkai/calendar';
import { calendarYearOf } from '@gongkai/contracts';
import { WORKING_DAY_CALENDAR_YEARS, type WorkingDayCalendarYearDocument } from '@gongkai/oversight/read';
import type { ReadStore } from '@gongkai/read-store';

/** The gateway keeps no event store: its durable read models (MongoDB) hold every loaded year, with the revision that set it. */
export const catchUpCalendarFromReadModel = async (calendar: CalendarRegistry, readStore: ReadStore): Promise<void> => {
  const years = await readStore.collection<WorkingDayCalendarYearDocument>(WORKING_DAY_CALENDAR_YEARS).find({}, { sort: { revision: 1 } });
  for (const doc of years) calendar.load({ calendarYear: calendarYearOf(doc), revision: doc.revision });
};
