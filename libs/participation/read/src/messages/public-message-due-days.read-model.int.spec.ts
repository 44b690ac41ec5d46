import { CalendarRegistry } from '@gongkai/calendar';
import { WORKING_DAY_CALENDAR_STREAM } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import { PUBLIC_MESSAGES, type PublicMessageDocument } from './public-message-document';
import { messageStatistics } from './public-message-statistics';
import { escalatedListFilter, trackingView, viewPublicMessage } from './public-message-visibility';
import { publicMessagesProjection } from './public-messages.projection';

const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
let position = 0;
const event = (type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent =>
  ({ id: `e${position}`, type, data, streamId: `participation.PublicMessage-${String(data['messageId'])}`, globalPosition: position++, occurredAt }) as unknown as RecordedEvent;
/** Received Mon 2026-12-28, 5 working days: the period runs into 2027, which had no calendar then. */
const receivedUndated = (messageId: string, trackingCode: string) =>
  event(
    'PublicMessageReceived',
    {
      messageId,
      agencyCode: '445300',
      departmentCode: 'OFFICE',
      kind: 'INQUIRY',
      subject: '跨年留言',
      text: '元旦前后的噪声监测安排？',
      publishable: false,
      trackingCode,
      accessKeyHash: 'a'.repeat(64),
      receivedOn: '2026-12-28',
      answerLimitWorkingDays: 5,
      answerDueOn: null,
    },
    '2026-12-28T02:00:00.000Z',
  );
const calendarLoaded = (revision: number, holidays: string[]): RecordedEvent =>
  ({ id: `calendar-${revision}`, type: 'WorkingDayCalendarYearLoaded', streamId: WORKING_DAY_CALENDAR_STREAM, revision, globalPosition: position++, occurredAt: '2027-01-02T02:00:00.000Z', data: { holidays } }) as unknown as RecordedEvent;
const load2027 = (calendar: CalendarRegistry, revision: number, holidays: string[]) => calendar.load({ calendarYear: { year: 2027, holidays, makeUpWorkingDays: [], source: 'test notice' }, revision });

describe('Public message due days waiting for a calendar year', () => {
  let calendar: CalendarRegistry;
  let store: InMemoryReadStore;
  const apply = (e: RecordedEvent) => publicMessagesProjection(calendar).apply(e, store);
  const messages = () => store.collection<PublicMessageDocument>(PUBLIC_MESSAGES);
  const doc = async (id: string) => (await messages().findOne({ _id: id }))!;

  beforeEach(async () => {
    calendar = new CalendarRegistry();
    store = new InMemoryReadStore();
    await apply(receivedUndated('waiting', 'YM26-WAIT-0001'));
    await apply(receivedUndated('answered', 'YM26-ANSW-0002'));
    // Answered Thu 2027-01-07 while 2027 was still missing: the decider could judge neither lateness nor the count.
    await apply(
      event('PublicMessageAnswered', { messageId: 'answered', answer: '已安排。', answeredBy: 'demo-office', answeredOn: '2027-01-07', answerDueOn: null, late: false, workingDaysTaken: null }, '2027-01-07T02:00:00.000Z'),
    );
  });

  it('shows no due day, and nothing overdue, while the year is missing', async () => {
    expect(await doc('waiting')).toMatchObject({ answerDueOn: null, dueDayFromCalendar: true });
    expect(trackingView(await doc('waiting'), '2027-01-20')).toMatchObject({ answerDueOn: null, overdue: false });
    expect(messageStatistics(2026, await messages().find({}), '2027-01-20').total).toMatchObject({ answered: 1, answeredOnTime: 1, overdueUnanswered: 0, averageWorkingDaysToAnswer: null });
  });

  it('dates the messages once the year is loaded: the waiting one turns overdue, the answer late, and the figures follow', async () => {
    // 12-29 [1], 12-30 [2], 12-31 [3], Fri 01-01 holiday, Mon 01-04 [4], Tue 01-05 [5].
    load2027(calendar, 0, ['2027-01-01']);
    await apply(calendarLoaded(0, ['2027-01-01']));
    expect(await doc('waiting')).toMatchObject({ answerDueOn: '2027-01-05', status: 'RECEIVED' });
    expect(viewPublicMessage(await doc('waiting'), office, '2027-01-06')).toMatchObject({ answerDueOn: '2027-01-05', overdue: true });
    // The author's tracking view carries the due day and no author data.
    const tracked = trackingView(await doc('waiting'), '2027-01-06');
    expect(tracked).toMatchObject({ answerDueOn: '2027-01-05', overdue: true });
    expect(tracked).not.toHaveProperty('author');
    // 12-29 … 12-31, 01-04 … 01-07: 7 working days, two past the due day.
    expect((await doc('answered')).answer).toMatchObject({ late: true, workingDaysTaken: 7 });
    expect(messageStatistics(2026, await messages().find({}), '2027-01-06').total).toMatchObject({
      answered: 1,
      answeredOnTime: 0,
      onTimeRate: 0,
      averageWorkingDaysToAnswer: 7,
      overdueUnanswered: 1,
    });
  });

  it('moves the due day with a correction of the year until an escalation records it', async () => {
    load2027(calendar, 0, ['2027-01-01']);
    await apply(calendarLoaded(0, ['2027-01-01']));
    // Corrected: 4 January is a holiday too, so the 5th working day is Wed 01-06.
    load2027(calendar, 1, ['2027-01-01', '2027-01-04']);
    await apply(calendarLoaded(1, ['2027-01-01', '2027-01-04']));
    expect((await doc('waiting')).answerDueOn).toBe('2027-01-06');
    expect((await doc('answered')).answer).toMatchObject({ late: true, workingDaysTaken: 6 });

    await apply(event('PublicMessageEscalated', { messageId: 'waiting', departmentCode: 'OFFICE', answerDueOn: '2027-01-06', escalatedOn: '2027-01-07', escalatedTo: 'OFFICE' }, '2027-01-07T01:00:00.000Z'));
    expect(await doc('waiting')).toMatchObject({ answerDueOn: '2027-01-06', dueDayFromCalendar: false, escalation: { escalatedOn: '2027-01-07' } });
    expect((await messages().find(escalatedListFilter(office))).map((m) => m._id)).toEqual(['waiting']);
    load2027(calendar, 2, ['2027-01-01']);
    await apply(calendarLoaded(2, ['2027-01-01']));
    expect((await doc('waiting')).answerDueOn).toBe('2027-01-06');
  });

  it('dates a message on the calendar already loaded when the log is replayed', async () => {
    load2027(calendar, 0, ['2027-01-01']);
    await apply(receivedUndated('replayed', 'YM26-REPL-0003'));
    expect(await doc('replayed')).toMatchObject({ answerDueOn: '2027-01-05', dueDayFromCalendar: true });
  });
});
