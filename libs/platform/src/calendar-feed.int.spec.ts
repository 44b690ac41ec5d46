import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarRegistry } from '@gongkai/calendar';
import { WORKING_DAY_CALENDAR_STREAM, type WorkingDayCalendarYearData } from '@gongkai/contracts';
import type { EventToAppend } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { CALENDAR_POLL_MS, catchUpCalendarFromEventStore, followCalendarInEventStore, takeCalendarEvent } from './calendar-feed';

/** A made-up 2027, as an administrator's load writes it. */
const year2027 = (makeUpWorkingDays: string[]): WorkingDayCalendarYearData => ({
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeUpWorkingDays,
  notice: { title: 'test notice', documentNumber: '测试〔2026〕1号', issuedOn: '2026-11-20' },
  reason: 'test',
  workingDays: 260 + makeUpWorkingDays.length,
  loadedAt: '2026-11-27T02:00:00.000Z',
});
const calendarEvent = (type: string, data: WorkingDayCalendarYearData): EventToAppend => ({
  id: `${type}-${data.makeUpWorkingDays.length}`,
  type,
  schemaVersion: 1,
  occurredAt: data.loadedAt,
  data,
  metadata: { actor: { id: 'demo-admin', roles: ['admin'] }, correlationId: 'c', causationId: null },
});

describe('The calendar feed of a process with the event store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-feed-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up at start, then takes a correction within the poll interval, and nothing from other streams', async () => {
    const calendar = new CalendarRegistry();
    await catchUpCalendarFromEventStore(calendar, store);
    expect(calendar.hasYear(2027)).toBe(false);

    await store.appendToStream(WORKING_DAY_CALENDAR_STREAM, [calendarEvent('WorkingDayCalendarYearLoaded', year2027([]))], { expectedRevision: 'no_stream' });
    await catchUpCalendarFromEventStore(calendar, store);
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false); // a Saturday

    const errors: unknown[] = [];
    const feed = followCalendarInEventStore(calendar, store, (error) => errors.push(error));
    try {
      await store.appendToStream(WORKING_DAY_CALENDAR_STREAM, [calendarEvent('WorkingDayCalendarYearRevised', year2027(['2027-01-02']))], { expectedRevision: 0 });
      await new Promise((resolve) => setTimeout(resolve, CALENDAR_POLL_MS * 2.5));
      expect(calendar.isWorkingDay('2027-01-02')).toBe(true);
      expect(calendar.revision).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      feed.stop();
    }

    const [other] = await store.readStream(WORKING_DAY_CALENDAR_STREAM);
    expect(takeCalendarEvent(calendar, { ...other, streamId: 'oversight.NegativeList-445300', revision: 7 })).toBe(false);
    expect(takeCalendarEvent(calendar, other)).toBe(false); // seen already
  });
});
