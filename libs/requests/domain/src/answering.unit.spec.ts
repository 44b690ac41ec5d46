import { requestAnswerContentHash } from './answering';
import type { InformationRequestCommand } from './information-request-commands';
import type { InformationRequestEvent } from './information-request-events';
import { answered, answerWith, anonymous, given, received, requestId, supplementArrived, supplementAsked, system } from './information-request.fixtures';

describe('Information request (政府信息公开申请): answering (Regulations Art. 36, 37)', () => {
  it('discloses, sends the content to the review gate, and writes the Art. 36 letter', () => {
    const [event] = given([received('2026-09-14')])
      .when(answerWith({ outcome: 'DISCLOSED', answeredOn: '2026-10-16', content: '监测数据：COD 45 mg/L', reviewId: 'review-1' }))
      .events();
    expect(event).toMatchObject({
      type: 'InformationRequestAnswered',
      data: {
        outcome: 'DISCLOSED',
        answeredOn: '2026-10-16',
        answerDueOn: '2026-10-16',
        late: false,
        delivery: 'POST',
        publicationRequest: {
          reviewId: 'review-1',
          itemType: 'REQUEST_ANSWER',
          itemId: requestId,
          itemVersion: 1,
          contentHash: requestAnswerContentHash(requestId, '监测数据：COD 45 mg/L'),
          title: '依申请公开答复 YF26-ABCD-EFGH',
        },
      },
    });
    const letter = event.type === 'InformationRequestAnswered' ? event.data.letter : '';
    expect(letter).toContain('第三十六条第（二）项');
    expect(letter).toContain('电子文档形式，通过邮寄于2026年10月16日向您提供');
    expect(letter).toContain('60日内依法申请行政复议，或者在6个月内依法向人民法院提起行政诉讼');
  });

  it('marks an answer after the due date as late, and allows it', () => {
    const [event] = given([received('2026-09-14')]).when(answerWith({ outcome: 'UNAVAILABLE_NOT_HELD', answeredOn: '2026-10-19' })).events();
    expect(event).toMatchObject({ data: { answerDueOn: '2026-10-16', late: true } });
  });

  it('answers on time on the due date moved by supplement, consultation and extension (S→C→E, 2026)', () => {
    // Due 2026-04-14, worked out in request-clock.unit.spec.ts.
    const history: InformationRequestEvent[] = [
      received('2026-02-09'),
      supplementAsked('2026-02-12', '2026-03-11'),
      supplementArrived('2026-02-27'),
      { type: 'ThirdPartyConsultationStarted', data: { requestId, consultation: 1, thirdParty: '某企业', sentOn: '2026-03-03', replyDueOn: '2026-03-24' } },
      { type: 'ThirdPartyReplyRecorded', data: { requestId, consultation: 1, receivedOn: '2026-03-12', consents: true } },
      {
        type: 'InformationRequestExtended',
        data: { requestId, workingDays: 5, reason: 'x', approvedBy: '王局长', approvedInPerson: false, grantedOn: '2026-04-01', answerDueOnBefore: '2026-04-07', answerDueOn: '2026-04-14' },
      },
    ];
    expect(given(history).when(answerWith({ outcome: 'NOT_PROCESSED_DUPLICATE', answeredOn: '2026-04-14' })).events()[0]).toMatchObject({ data: { answerDueOn: '2026-04-14', late: false } });
    expect(given(history).when(answerWith({ outcome: 'NOT_PROCESSED_DUPLICATE', answeredOn: '2026-04-15' })).events()[0]).toMatchObject({ data: { late: true } });
  });

  it('gives the applicant the redacted version with the reasons, and keeps the original for staff', () => {
    const content = '排放口A：COD 45 mg/L；企业负责人电话：13800000000。';
    const start = Array.from(content).indexOf('1');
    const [event] = given([received('2026-09-14')])
      .when(
        answerWith({
          outcome: 'PARTLY_DISCLOSED',
          answeredOn: '2026-10-12',
          legalBasis: '《政府信息公开条例》第十五条',
          content,
          redactions: [{ start, end: start + 11, reason: '个人隐私（负面清单第3项）' }],
          reviewId: 'review-1',
        }),
      )
      .events();
    if (event.type !== 'InformationRequestAnswered') throw new Error('expected an answer');
    expect(event.data.content).toBe(content);
    expect(event.data.redactedContent).toBe('排放口A：COD 45 mg/L；企业负责人电话：［已删除 1］。');
    expect(event.data.redactions).toEqual([{ start, end: start + 11, reason: '个人隐私（负面清单第3项）' }]);
    expect(event.data.letter).toContain('1. 个人隐私（负面清单第3项）');
    expect(event.data.publicationRequest?.contentHash).toBe(requestAnswerContentHash(requestId, event.data.redactedContent));
  });

  it('keeps the letter as staff edited it', () => {
    const [event] = given([received('2026-09-14')]).when(answerWith({ outcome: 'OTHER', answeredOn: '2026-10-12', text: '  已电话告知申请人。  ' })).events();
    expect(event).toMatchObject({ data: { letter: '已电话告知申请人。' } });
  });

  it.each([
    ['withholding without a legal basis', { outcome: 'WITHHELD_THIRD_PARTY_RIGHTS', answeredOn: '2026-10-12' }, 'LEGAL_BASIS_REQUIRED'],
    ['a partial disclosure without redactions', { outcome: 'PARTLY_DISCLOSED', answeredOn: '2026-10-12', legalBasis: 'x', content: 'abc' }, 'REDACTION_REQUIRED'],
    ['redactions of a full disclosure', { outcome: 'DISCLOSED', answeredOn: '2026-10-12', content: 'abc', redactions: [{ start: 0, end: 1, reason: 'x' }] }, 'REDACTIONS_ONLY_FOR_PARTIAL_DISCLOSURE'],
    ['overlapping redactions', { outcome: 'PARTLY_DISCLOSED', answeredOn: '2026-10-12', legalBasis: 'x', content: 'abcdef', redactions: [{ start: 0, end: 3, reason: 'x' }, { start: 2, end: 4, reason: 'y' }] }, 'REDACTIONS_OVERLAP'],
    ['a redaction outside the content', { outcome: 'PARTLY_DISCLOSED', answeredOn: '2026-10-12', legalBasis: 'x', content: 'abc', redactions: [{ start: 2, end: 9, reason: 'x' }] }, 'REDACTION_OUT_OF_RANGE'],
    ['an outcome outside the annual report', { outcome: 'MAYBE', answeredOn: '2026-10-12' }, 'NOT_ALLOWED_VALUE'],
    ['"still unclear" without a supplement', { outcome: 'UNAVAILABLE_STILL_UNCLEAR', answeredOn: '2026-10-12' }, 'SUPPLEMENT_NOT_RECEIVED'],
    ['an answer before receipt', { outcome: 'OTHER', answeredOn: '2026-09-13' }, 'DATE_BEFORE_RECEIPT'],
  ])('refuses %s', (_, input, rule) => {
    given([received('2026-09-14')]).when(answerWith(input)).thenThrows('BAD_USER_INPUT', rule);
  });

  it('waits for the supplement, then may close for lack of it', () => {
    const waiting = [received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')];
    given(waiting).when(answerWith({ outcome: 'DISCLOSED', answeredOn: '2026-03-02' })).thenThrows('BAD_USER_INPUT', 'ANSWER_WHILE_AWAITING_SUPPLEMENT');
    given(waiting).when(answerWith({ outcome: 'OTHER_NO_SUPPLEMENT', answeredOn: '2026-03-11' })).thenThrows('BAD_USER_INPUT', 'SUPPLEMENT_NOT_OVERDUE');
    expect(given(waiting).when(answerWith({ outcome: 'OTHER_NO_SUPPLEMENT', answeredOn: '2026-03-12' })).events()[0]).toMatchObject({ data: { outcome: 'OTHER_NO_SUPPLEMENT' } });
  });

  it('is for the handling staff: the public is told to sign in', () => {
    given([received('2026-09-14')]).when(answerWith({ outcome: 'DISCLOSED', answeredOn: '2026-10-12' }), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
  });

  describe('an answered request', () => {
    it.each<[string, InformationRequestCommand]>([
      ['a supplement notice', { type: 'RequestSupplement', data: { requestId, instructions: 'x', noticeOn: '2026-10-13' } }],
      ['a consultation', { type: 'StartThirdPartyConsultation', data: { requestId, thirdParty: 'x', sentOn: '2026-10-13' } }],
      ['an extension', { type: 'ExtendInformationRequest', data: { requestId, reason: 'x', workingDays: 5, approvedBy: '王局长' } }],
      ['a second answer', answerWith({ outcome: 'OTHER', answeredOn: '2026-10-13' })],
    ])('refuses %s with a message naming the rule', (_, command) => {
      given(answered).when(command).thenThrows('BAD_USER_INPUT', 'REQUEST_ALREADY_ANSWERED');
    });

    it('publishes exactly the reviewed content, once', () => {
      const publish = (contentHash: string): InformationRequestCommand => ({ type: 'PublishReviewedRequestAnswer', data: { requestId, reviewId: 'review-1', contentHash } });
      const hash = requestAnswerContentHash(requestId, '监测数据');
      const published: InformationRequestEvent = { type: 'RequestAnswerPublished', data: { requestId, reviewId: 'review-1', contentHash: hash, publishedAt: '2026-11-27T02:00:00.000Z' } };
      given(answered).when(publish(hash), { actor: system }).then([published]);
      given([...answered, published]).when(publish(hash), { actor: system }).thenNothingHappened();
      given(answered).when(publish('f'.repeat(64)), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
      given(answered).when(publish(hash)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });
});
