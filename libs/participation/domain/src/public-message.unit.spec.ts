import { defaultCalendar } from '@gongkai/calendar';
import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { COMPLAINT_REDIRECT_NOTE, publicMessageDecider, type PublicMessageCommand } from './public-message-commands';
import type { PublicMessageEvent } from './public-message-events';

const calendar = defaultCalendar();
const given = DeciderSpecification.for(publicMessageDecider, { now: '2026-03-02T02:00:00Z', calendar });
const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };
const hash = 'a'.repeat(64);
const messageId = 'message-1';

const submit = (overrides: Record<string, unknown> = {}): PublicMessageCommand =>
  ({ type: 'SubmitPublicMessage', data: { messageId, kind: 'INQUIRY', subject: '噪声监测', text: '小区附近工地夜间施工噪声是否超标？', publishable: true, trackingCode: 'YF26-ABCD-EFGH', accessKeyHash: hash, ...overrides } }) as PublicMessageCommand;
const received: PublicMessageEvent = {
  type: 'PublicMessageReceived',
  data: {
    messageId,
    agencyCode: '445300',
    departmentCode: 'OFFICE',
    kind: 'INQUIRY',
    subject: '噪声监测',
    text: '小区附近工地夜间施工噪声是否超标？',
    publishable: true,
    trackingCode: 'YF26-ABCD-EFGH',
    accessKeyHash: hash,
    receivedOn: '2026-03-02',
    answerLimitWorkingDays: 5,
    answerDueOn: '2026-03-09',
  },
};
const routed: PublicMessageEvent = { type: 'PublicMessageRouted', data: { messageId, fromDepartmentCode: 'OFFICE', departmentCode: 'SUPERVISION', routedOn: '2026-03-02' } };

describe('Public message (留言咨询)', () => {
  it('is received from anyone, due in 5 working days', () => {
    given([]).when(submit(), { actor: anonymous }).then([received]);
  });

  it('redirects a complaint to the petition procedure with a published note', () => {
    const events = given([]).when(submit({ kind: 'COMPLAINT' }), { actor: anonymous }).events();
    expect(events[1]).toEqual({ type: 'ComplaintRedirected', data: { messageId, note: COMPLAINT_REDIRECT_NOTE, redirectedOn: '2026-03-02' } });
  });

  it.each([
    ['a text over 5,000 characters', { text: '字'.repeat(5001) }, 'TOO_LONG'],
    ['an unknown kind', { kind: 'PRAISE' }, 'NOT_ALLOWED_VALUE'],
    ['a plain-text contact', { author: { keyId: 'public-message:message-1', ciphertext: '13800000000' } }, 'AUTHOR_NOT_SEALED'],
    ['a stored access key', { accessKeyHash: 'secret' }, 'ACCESS_KEY_NOT_HASHED'],
  ])('refuses %s', (_, change, rule) => {
    given([]).when(submit(change), { actor: anonymous }).thenThrows('BAD_USER_INPUT', rule);
  });

  it('is routed by the office, then answered by that department only', () => {
    given([received]).when({ type: 'RoutePublicMessage', data: { messageId, departmentCode: 'SUPERVISION' } }, { actor: office }).then([routed]);
    given([received]).when({ type: 'RoutePublicMessage', data: { messageId, departmentCode: 'SUPERVISION' } }, { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    given([received]).when({ type: 'AnswerPublicMessage', data: { messageId, answer: '经监测未超标。', reviewId: 'r1' } }, { actor: supervision }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
  });

  it('flags a late answer and sends a publishable one to the review gate', () => {
    const events = given([received, routed])
      .when({ type: 'AnswerPublicMessage', data: { messageId, answer: '经监测未超标。', reviewId: 'r1' } }, { actor: supervision, now: '2026-03-12T02:00:00Z' })
      .events();
    expect(events[0]).toMatchObject({ type: 'PublicMessageAnswered', data: { late: true, answerDueOn: '2026-03-09', answeredOn: '2026-03-12', workingDaysTaken: 8 } });
    expect(events[1]).toMatchObject({ type: 'PublicMessagePublicationRequested', data: { publicationRequest: { itemType: 'PUBLIC_MESSAGE_ANSWER', reviewId: 'r1', departmentCode: 'SUPERVISION' } } });
  });

  it('does not publish a message its author kept private', () => {
    const events = given([{ ...received, data: { ...received.data, publishable: false } } as PublicMessageEvent])
      .when({ type: 'AnswerPublicMessage', data: { messageId, answer: '答复', reviewId: 'r1' } }, { actor: office })
      .events();
    expect(events.map((e) => e.type)).toEqual(['PublicMessageAnswered']);
  });

  it('publishes only the reviewed content, and not once hidden', () => {
    const answeredEvents = given([received]).when({ type: 'AnswerPublicMessage', data: { messageId, answer: '答复', reviewId: 'r1' } }, { actor: office }).events();
    const request = answeredEvents[1] as Extract<PublicMessageEvent, { type: 'PublicMessagePublicationRequested' }>;
    const system: Actor = { id: 'system:participation', roles: ['system'] };
    const publish: PublicMessageCommand = { type: 'PublishReviewedPublicMessage', data: { messageId, version: 1, contentHash: request.data.contentHash, reviewId: 'r1' } };
    expect(given([received, ...answeredEvents]).when(publish, { actor: system }).events()[0]?.type).toBe('PublicMessagePublished');
    const hidden: PublicMessageEvent = { type: 'PublicMessageHidden', data: { messageId, reason: '含他人个人信息', hiddenAt: '2026-03-02T03:00:00.000Z' } };
    given([received, ...answeredEvents, hidden]).when(publish, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
  });

  it('is rated 1 to 5 by the holder of the access key, after the answer', () => {
    const answered = given([received]).when({ type: 'AnswerPublicMessage', data: { messageId, answer: '答复', reviewId: 'r1' } }, { actor: office }).events();
    const rate = (rating: number, accessKeyHash = hash): PublicMessageCommand => ({ type: 'RatePublicMessage', data: { messageId, accessKeyHash, rating } });
    given([received, ...answered]).when(rate(6), { actor: anonymous }).thenThrows('BAD_USER_INPUT', 'RATING_OUT_OF_RANGE');
    given([received, ...answered]).when(rate(4, 'b'.repeat(64)), { actor: anonymous }).thenThrows('NOT_FOUND');
    given([received]).when(rate(4), { actor: anonymous }).thenThrows('CONFLICT', 'PUBLIC_MESSAGE_NOT_ANSWERED');
    expect(given([received, ...answered]).when(rate(4), { actor: anonymous }).events()).toEqual([
      { type: 'PublicMessageRated', data: { messageId, rating: 4, ratedAt: '2026-03-02T02:00:00.000Z' } },
    ]);
  });
});
