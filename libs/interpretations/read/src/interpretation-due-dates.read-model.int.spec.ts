import { CalendarRegistry } from '@gongkai/calendar';
import { WORKING_DAY_CALENDAR_STREAM } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { interpretationDueDatesProjection } from './interpretation-due-dates.projection';
import { POLICY_DOCUMENTS, type PolicyDocumentDocument } from './interpretation-documents';
import { obligationsFilter, viewObligation } from './obligation-queries';
import { policyInterpretationsProjection } from './policy-interpretations.projection';
import { recorded, regulations } from './read-model.fixtures';

const stream = 'interpretations.PolicyDocument-d9';
/** Published Mon 2027-01-04 while 2027 had no calendar: the domain recorded no due day. */
const publishedUndated = recorded(
  stream,
  0,
  {
    type: 'PolicyDocumentPublished',
    data: { documentId: 'd9', agencyCode: '445300', departmentCode: 'REGULATIONS', title: '云浮市跨年文件', documentNumber: '云环〔2027〕1号', publishedOn: '2027-01-04', interpretationDueOn: null, interpretationSubmitted: false },
  },
  '2027-01-04T02:00:00.000Z',
);
const calendarLoaded: RecordedEvent = {
  ...publishedUndated,
  id: 'calendar-1',
  type: 'WorkingDayCalendarYearLoaded',
  streamId: WORKING_DAY_CALENDAR_STREAM,
  revision: 0,
  globalPosition: publishedUndated.globalPosition + 1,
  data: {},
};

describe('Interpretation due days waiting for a calendar year', () => {
  it('fills in the due day of a document published in a year without a calendar once the year is loaded', async () => {
    const calendar = new CalendarRegistry();
    const store = new InMemoryReadStore();
    const runner = new ProjectionRunner(store, [policyInterpretationsProjection, interpretationDueDatesProjection(calendar)]);
    await runner.start([publishedUndated]);
    const documents = store.collection<PolicyDocumentDocument>(POLICY_DOCUMENTS);
    expect(await documents.findOne({ _id: 'd9' })).toMatchObject({ stage: 'PUBLISHED', interpretationDueOn: null });
    // Listed while it waits, with the reason, and never as overdue.
    const waiting = (await documents.find(obligationsFilter(regulations, 'PENDING', '2027-01-20'))).map((doc) => viewObligation(doc, '2027-01-20'));
    expect(waiting).toEqual([expect.objectContaining({ documentId: 'd9', interpretationDueOn: null, status: 'PENDING', clockProblem: 'CALENDAR_YEAR_NOT_LOADED' })]);
    expect(await documents.find(obligationsFilter(regulations, 'OVERDUE', '2027-01-20'))).toEqual([]);

    // The process's calendar takes the year before the read models see the event.
    calendar.load({ calendarYear: { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [], source: 'test notice' }, revision: 0 });
    await runner.handle(calendarLoaded);

    // Mon 01-04: 01-05 [1], 01-06 [2], Thu 01-07 [3]; overdue from the day after.
    const [obligation] = (await documents.find(obligationsFilter(regulations, 'OVERDUE', '2027-01-08'))).map((doc) => viewObligation(doc, '2027-01-08'));
    expect(obligation).toMatchObject({ documentId: 'd9', interpretationDueOn: '2027-01-07', status: 'OVERDUE', clockProblem: null });
  });
});
