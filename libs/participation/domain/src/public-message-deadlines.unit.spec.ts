import { createWorkingDayCalendar, defaultCalendar, STATUTORY_CALENDAR_YEARS } from '@gongkai/calendar';
import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { publicMessageDecider, type PublicMessageCommand } from './public-message-commands';
import type { PublicMessageEvent } from './public-message-events';

const calendar = defaultCalendar();
const given = DeciderSpecification.for(publicMessageDecider, { now: '2026-09-21T02:00:00Z', calendar });
const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const watch: Actor = { id: 'system:participation.overdue-messages', roles: ['system'] };
const messageId = 'message-7';

const submit = (answerLimitWorkingDays?: number): PublicMessageCommand => ({
  type: 'SubmitPublicMessage',
  data: {
    messageId,
    kind: 'SUGGESTION',
    subject: '河道保洁',
    text: '建议增加西江支流河道巡查频次。',
    publishable: true,
    trackingCode: 'YM26-ABCD-EFGH',
    accessKeyHash: 'c'.repeat(64),
    ...(answerLimitWorkingDays === undefined ? {} : { answerLimitWorkingDays }),
  },
});
const receivedOn = (events: PublicMessageEvent[]) => events[0] as Extract<PublicMessageEvent, { type: 'PublicMessageReceived' }>;
const escalate: PublicMessageCommand = { type: 'EscalateOverduePublicMessage', data: { messageId } };

describe('Public message deadlines (答复时限) and escalation (督办)', () => {
  it('counts the limit in force from the day after receipt, across the National Day holiday and its make-up days', () => {
    // Mon 2026-09-21, 10 working days: 09-22 … 09-24 [1–3], 09-28 … 09-30 [4–6], 10-08 [7], 10-09 [8], Sat 10-10 make-up [9], Mon 10-12 [10].
    const received = receivedOn(given([]).when(submit(10), { actor: anonymous }).events());
    expect(received.data).toMatchObject({ receivedOn: '2026-09-21', answerLimitWorkingDays: 10, answerDueOn: '2026-10-12' });
  });

  it('takes 5 working days when no limit is given', () => {
    // 09-22 … 09-24 [1–3], Fri 09-25 is the Mid-Autumn holiday, 09-28 [4], Tue 09-29 [5].
    expect(receivedOn(given([]).when(submit(), { actor: anonymous }).events()).data).toMatchObject({ answerLimitWorkingDays: 5, answerDueOn: '2026-09-29' });
  });

  it.each([0, 21, 2.5])('refuses a limit of %s working days', (limit) => {
    given([]).when(submit(limit), { actor: anonymous }).thenThrows('BAD_USER_INPUT', 'ANSWER_LIMIT_OUT_OF_RANGE');
  });

  it('keeps the message and leaves its due date open when the year it falls in has no calendar', () => {
    const received = receivedOn(given([]).when(submit(), { actor: anonymous, now: '2026-12-28T02:00:00Z' }).events());
    expect(received.data).toMatchObject({ receivedOn: '2026-12-28', answerDueOn: null });
  });

  describe('escalation', () => {
    const received = receivedOn(given([]).when(submit(), { actor: anonymous }).events());

    it('escalates an unanswered message to the office the day after its due date, once', () => {
      given([received])
        .when(escalate, { actor: watch, now: '2026-09-30T01:00:00Z' })
        .then([{ type: 'PublicMessageEscalated', data: { messageId, departmentCode: 'OFFICE', answerDueOn: '2026-09-29', escalatedOn: '2026-09-30', escalatedTo: 'OFFICE' } }]);
      const escalated = given([received]).when(escalate, { actor: watch, now: '2026-09-30T01:00:00Z' }).events();
      given([received, ...escalated]).when(escalate, { actor: watch, now: '2026-10-09T01:00:00Z' }).thenNothingHappened();
    });

    it('leaves a message alone on its due date, and once it is answered', () => {
      // 17:00 in Shanghai on the due date itself.
      given([received]).when(escalate, { actor: watch, now: '2026-09-29T09:00:00Z' }).thenNothingHappened();
      const answered = given([received]).when({ type: 'AnswerPublicMessage', data: { messageId, answer: '已安排。', reviewId: 'r7' } }, { actor: office }).events();
      given([received, ...answered]).when(escalate, { actor: watch, now: '2026-10-09T01:00:00Z' }).thenNothingHappened();
    });

    it('is asked for by the overdue watch only', () => {
      given([received]).when(escalate, { actor: office, now: '2026-10-09T01:00:00Z' }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('a message received while the year its period runs into had no calendar', () => {
    // A made-up 2027 for the test (only New Year's Day), as an administrator would load it later.
    const with2027 = createWorkingDayCalendar([...STATUTORY_CALENDAR_YEARS, { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [], source: 'test notice' }]);
    // Mon 2026-12-28: 12-29 [1], 12-30 [2], 12-31 [3], Fri 01-01 holiday, Mon 01-04 [4], Tue 01-05 [5].
    const undated = receivedOn(given([]).when(submit(), { actor: anonymous, now: '2026-12-28T02:00:00Z' }).events());
    const answer: PublicMessageCommand = { type: 'AnswerPublicMessage', data: { messageId, answer: '已安排。', reviewId: 'r8' } };
    const answeredData = (events: PublicMessageEvent[]) => (events[0] as Extract<PublicMessageEvent, { type: 'PublicMessageAnswered' }>).data;

    it('is received with no due day, keeping its receipt day and limit to count it later', () => {
      expect(undated.data).toMatchObject({ receivedOn: '2026-12-28', answerLimitWorkingDays: 5, answerDueOn: null });
    });

    it('is escalated the day after the due day counted on the calendar once the year is loaded, and only once', () => {
      given([undated])
        .when(escalate, { actor: watch, now: '2027-01-06T01:00:00Z', calendar: with2027 })
        .then([{ type: 'PublicMessageEscalated', data: { messageId, departmentCode: 'OFFICE', answerDueOn: '2027-01-05', escalatedOn: '2027-01-06', escalatedTo: 'OFFICE' } }]);
      const escalated = given([undated]).when(escalate, { actor: watch, now: '2027-01-06T01:00:00Z', calendar: with2027 }).events();
      given([undated, ...escalated]).when(escalate, { actor: watch, now: '2027-01-20T01:00:00Z', calendar: with2027 }).thenNothingHappened();
    });

    it('is not escalated on its due day counted late, nor while the year is still missing', () => {
      given([undated]).when(escalate, { actor: watch, now: '2027-01-05T09:00:00Z', calendar: with2027 }).thenNothingHappened();
      given([undated]).when(escalate, { actor: watch, now: '2027-03-01T01:00:00Z' }).thenNothingHappened();
    });

    it('is answered late against the due day counted once the year is loaded', () => {
      const answered = answeredData(given([undated]).when(answer, { actor: office, now: '2027-01-07T02:00:00Z', calendar: with2027 }).events());
      // 12-29, 12-30, 12-31, 01-04, 01-05, 01-06, Thu 01-07: 7 working days.
      expect(answered).toMatchObject({ answeredOn: '2027-01-07', answerDueOn: '2027-01-05', late: true, workingDaysTaken: 7 });
    });

    it('is answered without a due day, a late flag or a count while the year is still missing', () => {
      const answered = answeredData(given([undated]).when(answer, { actor: office, now: '2027-01-07T02:00:00Z' }).events());
      expect(answered).toMatchObject({ answerDueOn: null, late: false, workingDaysTaken: null });
      const early = answeredData(given([undated]).when(answer, { actor: office, now: '2026-12-30T02:00:00Z' }).events());
      expect(early).toMatchObject({ answerDueOn: null, late: false, workingDaysTaken: 2 });
    });
  });
});
