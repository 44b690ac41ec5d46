import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { InMemoryReadStore } from '@gongkai/read-store';
import { MESSAGE_ANSWER_LIMITS, PUBLIC_MESSAGES, type PublicMessageDocument } from './public-message-document';
import { publicMessagesProjection } from './public-messages.projection';

let position = 0;
const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({ type, data, occurredAt: `2026-03-0${1 + (position++ % 8)}T02:00:00.000Z` }) as unknown as RecordedEvent;
const subject = (reviewId: string) => ({ reviewId, itemType: 'PUBLIC_MESSAGE_ANSWER', itemId: 'm1', itemVersion: 1, contentHash: 'h', title: '噪声', agencyCode: '445300', departmentCode: 'SUPERVISION' });

describe('The public messages read model', () => {
  const store = new InMemoryReadStore();
  const apply = (e: RecordedEvent) => publicMessagesProjection(defaultCalendar()).apply(e, store);
  const doc = async () => (await store.collection<PublicMessageDocument>(PUBLIC_MESSAGES).findOne({ _id: 'm1' }))!;

  beforeAll(async () => {
    await apply(
      event('PublicMessageReceived', {
        messageId: 'm1',
        agencyCode: '445300',
        departmentCode: 'OFFICE',
        kind: 'INQUIRY',
        subject: '噪声',
        text: '夜间施工',
        publishable: true,
        trackingCode: 'YM26-ABCD-EFGH',
        accessKeyHash: 'a'.repeat(64),
        author: { keyId: 'public-message:m1', ciphertext: 'pd1.a.b.c' },
        receivedOn: '2026-03-02',
        answerLimitWorkingDays: 5,
        answerDueOn: '2026-03-09',
      }),
    );
  });

  it('keeps the author sealed, follows the route and the answer', async () => {
    await apply(event('PublicMessageRouted', { messageId: 'm1', fromDepartmentCode: 'OFFICE', departmentCode: 'SUPERVISION', routedOn: '2026-03-03' }));
    await apply(event('PublicMessageAnswered', { messageId: 'm1', answer: '已查处', answeredBy: 'demo-supervision', answeredOn: '2026-03-10', answerDueOn: '2026-03-09', late: true, workingDaysTaken: 6 }));
    expect(await doc()).toMatchObject({ departmentCode: 'SUPERVISION', routed: true, status: 'ANSWERED', receivedYear: 2026, author: { ciphertext: 'pd1.a.b.c' }, answer: { late: true, workingDaysTaken: 6 } });
  });

  it('records the review gate’s verdicts on the pending review only', async () => {
    await apply(event('PublicMessagePublicationRequested', { messageId: 'm1', version: 1, contentHash: 'h', publicationRequest: subject('r1') }));
    await apply(event('PublicationReviewRejected', { reviewId: 'r0', subject: subject('r0') }));
    expect((await doc()).publication).toEqual({ state: 'PENDING_REVIEW', reviewId: 'r1', publishedAt: null });
    await apply(event('PublicationReviewRejected', { reviewId: 'r1', subject: subject('r1') }));
    expect((await doc()).publication?.state).toBe('REJECTED');
  });

  it('keeps the answer limits the office set', async () => {
    await apply(event('MessageAnswerLimitsSet', { agencyCode: '445300', limits: { INQUIRY: 5, SUGGESTION: 10, COMPLAINT: 5 }, reason: '局务会议', setBy: 'demo-office', setOn: '2026-03-02' }));
    expect(await store.collection(MESSAGE_ANSWER_LIMITS).findOne({ _id: '445300' })).toMatchObject({ limits: { SUGGESTION: 10 }, reason: '局务会议' });
  });
});
