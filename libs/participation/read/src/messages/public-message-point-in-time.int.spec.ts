import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { InMemoryReadStore } from '@gongkai/read-store';
import { PUBLIC_MESSAGES, type PublicMessageDocument } from './public-message-document';
import { messageListFilterAsOf, viewPublicMessageAsOf } from './public-message-point-in-time';
import { publicMessagesProjection } from './public-messages.projection';

const at = (date: string) => `${date}T02:00:00.000Z`;
const event = (type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent => ({ type, data, occurredAt }) as unknown as RecordedEvent;
const subject = (messageId: string) => ({ reviewId: `r-${messageId}`, itemType: 'PUBLIC_MESSAGE_ANSWER', itemId: messageId, itemVersion: 1, contentHash: 'h', title: '噪声', agencyCode: '445300', departmentCode: 'SUPERVISION' });

describe('Public messages at a point in time (asOfInstant)', () => {
  const store = new InMemoryReadStore();
  const apply = (e: RecordedEvent) => publicMessagesProjection(defaultCalendar()).apply(e, store);
  const messages = () => store.collection<PublicMessageDocument>(PUBLIC_MESSAGES);
  const doc = async (id: string) => (await messages().findOne({ _id: id }))!;
  const listedAt = async (instant: string, query = {}) => (await messages().find(messageListFilterAsOf(query, instant))).map((m) => viewPublicMessageAsOf(m, instant)?.subject ?? null);

  /** Answered on 3 March, published on 5 March, hidden on 9 March; and one hidden before it was ever published. */
  const answeredAndSentToReview = async (messageId: string, text: string) => {
    await apply(
      event(
        'PublicMessageReceived',
        {
          messageId,
          agencyCode: '445300',
          departmentCode: 'SUPERVISION',
          kind: 'INQUIRY',
          subject: `噪声 ${messageId}`,
          text,
          publishable: true,
          trackingCode: `YM26-${messageId}`,
          accessKeyHash: 'a'.repeat(64),
          author: { keyId: `public-message:${messageId}`, ciphertext: 'pd1.secret' },
          receivedOn: '2026-03-02',
          answerLimitWorkingDays: 5,
          answerDueOn: '2026-03-09',
        },
        at('2026-03-02'),
      ),
    );
    await apply(event('PublicMessageAnswered', { messageId, answer: '已责令整改', answeredBy: 'demo-supervision', answeredOn: '2026-03-03', answerDueOn: '2026-03-09', late: false, workingDaysTaken: 1 }, at('2026-03-03')));
    await apply(event('PublicMessagePublicationRequested', { messageId, version: 1, contentHash: 'h', publicationRequest: subject(messageId) }, at('2026-03-03')));
  };

  beforeAll(async () => {
    await answeredAndSentToReview('m1', '夜间施工');
    await apply(event('PublicMessagePublished', { messageId: 'm1', version: 1, contentHash: 'h', reviewId: 'r-m1', publishedAt: at('2026-03-05') }, at('2026-03-05')));
    await apply(event('PublicMessageHidden', { messageId: 'm1', reason: '含他人隐私', hiddenAt: at('2026-03-09') }, at('2026-03-09')));
    await answeredAndSentToReview('m2', '另一条');
    await apply(event('PublicMessageHidden', { messageId: 'm2', reason: '重复', hiddenAt: at('2026-03-04') }, at('2026-03-04')));
  });

  it('gives nothing before publication, and once hidden only the hide stub, also for the days it was public', async () => {
    const m1 = await doc('m1');
    expect(viewPublicMessageAsOf(m1, at('2026-03-04'))).toBeNull();
    // Hidden for someone's privacy: choosing an instant before the hiding must not bring the text back.
    for (const instant of [at('2026-03-06'), at('2026-03-10')]) {
      expect(viewPublicMessageAsOf(m1, instant)).toMatchObject({ subject: null, text: null, answer: null, hidden: true, hiddenReason: '含他人隐私', publishedAt: at('2026-03-05') });
    }
    expect(JSON.stringify(m1.publicationHistory)).not.toMatch(/夜间施工|已责令整改/);
  });

  it('never keeps the author, the answering official or the staff fields in what the public saw', async () => {
    const m1 = await doc('m1');
    for (const period of m1.publicationHistory ?? []) {
      expect(JSON.stringify(period.content)).not.toContain('pd1.secret');
      expect(period.content).toMatchObject({ authorReadable: false, rating: null, publishable: null, answerDueOn: null });
      expect(period.content.answer?.answeredBy ?? null).toBeNull();
    }
  });

  it('keeps a message hidden before publication out of every past, and lists as the public list stood', async () => {
    expect((await doc('m2')).publicationHistory).toEqual([]);
    expect(await listedAt(at('2026-03-04'))).toEqual([]);
    // Listed while it was public, as the stub it is now.
    expect(await listedAt(at('2026-03-06'))).toEqual([null]);
    expect(await listedAt(at('2026-03-06'), { kind: 'SUGGESTION' })).toEqual([]);
    expect(await listedAt(at('2026-03-06'), { answered: true })).toEqual([null]);
    expect(await listedAt(at('2026-03-10'))).toEqual([null]);
  });

  it('shows the question and answer at an instant while published and not (yet) hidden', async () => {
    await answeredAndSentToReview('m3', '餐饮油烟');
    await apply(event('PublicMessagePublished', { messageId: 'm3', version: 1, contentHash: 'h', reviewId: 'r-m3', publishedAt: at('2026-03-05') }, at('2026-03-05')));
    expect(viewPublicMessageAsOf(await doc('m3'), at('2026-03-06'))).toMatchObject({ subject: '噪声 m3', text: '餐饮油烟', hidden: false, answer: { text: '已责令整改', answeredBy: null } });
  });
});
