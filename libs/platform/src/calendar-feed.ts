import type { CalendarRegistry } from '@gongkai/calendar';
import { calendarYearOf, WORKING_DAY_CALENDAR_EVENT_TYPES, WORKING_DAY_CALENDAR_STREAM, type WorkingDayCalendarYearData } from '@gongkai/contracts';
import type { EventStore, RecordedEvent } from '@gongkai/event-sourcing';

/**
 * How a process's live calendar (CALENDAR) learns of the years an administrator loads: it catches
 * up at start (from the event store where the process has one, else from the calendar read model)
 * and then takes each calendar change as it comes. A change is recognised by its revision in the
 * calendar's one stream, so one seen twice (catch-up, then the feed replaying) changes nothing.
 */
export const takeCalendarEvent = (calendar: CalendarRegistry, event: RecordedEvent): boolean =>
  event.streamId === WORKING_DAY_CALENDAR_STREAM &&
  WORKING_DAY_CALENDAR_EVENT_TYPES.includes(event.type) &&
  calendar.load({ calendarYear: calendarYearOf(event.data as WorkingDayCalendarYearData), revision: event.revision });

/** A process with the event store reads the calendar's stream from where its calendar got to: a few events a year. */
export const catchUpCalendarFromEventStore = async (calendar: CalendarRegistry, store: EventStore): Promise<void> => {
  for (const event of await store.readStream(WORKING_DAY_CALENDAR_STREAM, { fromRevision: calendar.revision + 1 })) takeCalendarEvent(calendar, event);
};

/** How soon a service process sees a loaded year: well within the seconds an administrator takes to check it. */
export const CALENDAR_POLL_MS = 1_000;

/**
 * A service process follows the calendar by reading its one stream again every second from the
 * revision it has. Replicas of a context on one host then need no consumer of their own on the
 * bus (a shared durable would hand each change to only one of them), and nothing is left behind in
 * JetStream when a process goes; a read of an unchanged stream is one indexed lookup.
 */
export const followCalendarInEventStore = (calendar: CalendarRegistry, store: EventStore, onError: (error: unknown) => void): { stop(): void } => {
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    catchUpCalendarFromEventStore(calendar, store)
      .catch(onError)
      .finally(() => {
        reading = false;
      });
  }, CALENDAR_POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};
