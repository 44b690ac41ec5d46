import { evolveInformationRequest, type InformationRequestEvent, initialInformationRequestState } from './information-request-events';
import type { InformationRequestCommand } from './information-request-commands';
import { answerWith, given, intake, planning, received, register, requestId, supplementAsked } from './information-request.fixtures';

/** The fixtures' today is Fri 2026-11-27 (Shanghai): the notice is dated the day it is issued. */
const issue = (method: string, basis: number, more: Record<string, unknown> = {}): InformationRequestCommand => ({
  type: 'IssueFeeNotice',
  data: { requestId, method, basis, payByOn: '2026-12-11', ...(method === 'BY_COUNT' ? { countedApplications: basis } : {}), ...more },
});
const noticed = (method: 'BY_COUNT' | 'BY_PAGES', basis: number, amountFen: number, noticeOn = '2026-11-27', payByOn = '2026-12-11'): InformationRequestEvent => ({
  type: 'FeeNoticeIssued',
  data: { requestId, method, basis, amountFen, noticeOn, payByOn },
});
const paid = (paidOn: string): InformationRequestEvent => ({ type: 'FeePaymentRecorded', data: { requestId, paidOn } });
const pay = (paidOn: string): InformationRequestCommand => ({ type: 'RecordFeePayment', data: { requestId, paidOn } });

describe('Information request (政府信息公开申请): processing fee (国办函〔2020〕109号)', () => {
  it('charges the applicant’s 11th application of the month ¥100, computed by the decider', () => {
    given([received('2026-11-16')]).when(issue('BY_COUNT', 11)).then([noticed('BY_COUNT', 11, 100_00)]);
  });

  it('charges 101 pages ¥20, and accepts an amount that agrees', () => {
    given([received('2026-11-16')]).when(issue('BY_PAGES', 101, { amountFen: 20_00 })).then([noticed('BY_PAGES', 101, 20_00)]);
  });

  it.each([
    ['the 10th application of the month', issue('BY_COUNT', 10)],
    ['30 pages', issue('BY_PAGES', 30)],
  ])('refuses a fee below the thresholds: %s is free', (_, command) => {
    const error = given([received('2026-11-16')]).when(command).thenThrows('BAD_USER_INPUT', 'FEE_BELOW_THRESHOLD');
    expect(error.message).toContain('国办函〔2020〕109号');
  });

  it('refuses an amount that does not follow from the basis', () => {
    const error = given([received('2026-11-16')]).when(issue('BY_COUNT', 31, { amountFen: 100_00 })).thenThrows('BAD_USER_INPUT', 'FEE_AMOUNT_MISMATCH');
    expect(error.details).toMatchObject({ amountFen: 200_00 });
  });

  it('charges by count only the figure the read side counted', () => {
    given([received('2026-11-16')]).when(issue('BY_COUNT', 12, { countedApplications: 11 })).thenThrows('BAD_USER_INPUT', 'FEE_COUNT_MISMATCH');
    given([received('2026-11-16')]).when(issue('BY_COUNT', 11, { countedApplications: null })).thenThrows('BAD_USER_INPUT', 'FEE_COUNT_UNKNOWN');
  });

  it('never charges both methods on one application, and issues one notice only', () => {
    const history = [received('2026-11-16'), noticed('BY_COUNT', 11, 100_00)];
    given(history).when(issue('BY_PAGES', 150)).thenThrows('BAD_USER_INPUT', 'FEE_BOTH_METHODS');
    given(history).when(issue('BY_COUNT', 11)).thenThrows('BAD_USER_INPUT', 'FEE_NOTICE_ALREADY_ISSUED');
  });

  it.each([
    ['a pay-by date not after the notice', issue('BY_PAGES', 31, { payByOn: '2026-11-27' }), 'FEE_PAY_BY_NOT_AFTER_NOTICE'],
    ['a basis of zero pages', issue('BY_PAGES', 0), 'OUT_OF_RANGE'],
    ['an unknown method', issue('BY_WEIGHT', 31), 'NOT_ALLOWED_VALUE'],
  ])('refuses %s', (_, command, rule) => {
    given([received('2026-11-16')]).when(command).thenThrows('BAD_USER_INPUT', rule);
  });

  it('waits for a pending supplement or consultation, so that no day is left out of the count twice', () => {
    given([received('2026-11-16'), supplementAsked('2026-11-17', '2026-12-08')]).when(issue('BY_PAGES', 31)).thenThrows('BAD_USER_INPUT', 'FEE_WHILE_AWAITING_SUPPLEMENT');
    const consulting: InformationRequestEvent = {
      type: 'ThirdPartyConsultationStarted',
      data: { requestId, consultation: 1, thirdParty: '某企业', sentOn: '2026-11-17', replyDueOn: '2026-12-08' },
    };
    given([received('2026-11-16'), consulting]).when(issue('BY_PAGES', 31)).thenThrows('BAD_USER_INPUT', 'FEE_DURING_CONSULTATION');
    given([received('2026-11-16'), noticed('BY_PAGES', 31, 10_00)])
      .when({ type: 'StartThirdPartyConsultation', data: { requestId, thirdParty: '某企业', sentOn: '2026-11-27' } })
      .thenThrows('BAD_USER_INPUT', 'CONSULTATION_DURING_FEE_NOTICE');
  });

  it('records a notice sent earlier on paper, but not one dated inside a consultation', () => {
    given([received('2026-11-02')]).when(issue('BY_PAGES', 31, { noticeOn: '2026-11-04', payByOn: '2026-11-18' })).then([noticed('BY_PAGES', 31, 10_00, '2026-11-04', '2026-11-18')]);
    given([received('2026-11-02')]).when(issue('BY_PAGES', 31, { noticeOn: '2026-10-30' })).thenThrows('BAD_USER_INPUT', 'DATE_BEFORE_RECEIPT');
    const consulted: InformationRequestEvent[] = [
      { type: 'ThirdPartyConsultationStarted', data: { requestId, consultation: 1, thirdParty: '某企业', sentOn: '2026-11-03', replyDueOn: '2026-11-24' } },
      { type: 'ThirdPartyReplyRecorded', data: { requestId, consultation: 1, receivedOn: '2026-11-10', consents: true } },
    ];
    given([received('2026-11-02'), ...consulted]).when(issue('BY_PAGES', 31, { noticeOn: '2026-11-09' })).thenThrows('BAD_USER_INPUT', 'FEE_DURING_CONSULTATION');
    given([received('2026-11-02'), ...consulted]).when(issue('BY_PAGES', 31, { noticeOn: '2026-11-10' })).then([noticed('BY_PAGES', 31, 10_00, '2026-11-10')]);
  });

  it('is issued by the handling department only', () => {
    given([received('2026-11-16')]).when(issue('BY_PAGES', 31), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
  });

  it('waits for payment (AWAITING_FEE), and runs again once paid', () => {
    const state = (events: InformationRequestEvent[]) => events.reduce(evolveInformationRequest, initialInformationRequestState()).status;
    expect(state([received('2026-11-16'), noticed('BY_PAGES', 31, 10_00, '2026-11-18', '2026-12-02')])).toBe('AWAITING_FEE');
    expect(state([received('2026-11-16'), noticed('BY_PAGES', 31, 10_00, '2026-11-18', '2026-12-02'), paid('2026-11-20')])).toBe('IN_PROGRESS');
  });

  describe('payment', () => {
    const notice = [received('2026-11-02'), noticed('BY_PAGES', 150, 20_00, '2026-11-04', '2026-11-18')];

    it('records the day it was paid', () => {
      given(notice).when(pay('2026-11-18')).then([paid('2026-11-18')]);
    });

    it.each([
      ['after the pay-by date', '2026-11-19', 'FEE_PAYMENT_OVERDUE'],
      ['before the notice', '2026-11-03', 'DATE_BEFORE_NOTICE'],
      ['in the future', '2026-11-28', 'DATE_IN_FUTURE'],
    ])('refuses a payment %s', (_, paidOn, rule) => {
      given(notice).when(pay(paidOn)).thenThrows('BAD_USER_INPUT', rule);
    });

    it('refuses a payment with no notice, or twice', () => {
      given([received('2026-11-02')]).when(pay('2026-11-05')).thenThrows('BAD_USER_INPUT', 'FEE_NOT_NOTIFIED');
      given([...notice, paid('2026-11-05')]).when(pay('2026-11-06')).thenThrows('BAD_USER_INPUT', 'FEE_ALREADY_PAID');
    });
  });

  describe('not paid: closed as "fee not paid" (OTHER_FEE_NOT_PAID)', () => {
    const notice = [received('2026-11-02'), noticed('BY_COUNT', 11, 100_00, '2026-11-04', '2026-11-18')];

    it('is not answered on substance while the fee is outstanding', () => {
      given(notice).when(answerWith({ outcome: 'DISCLOSED', answeredOn: '2026-11-20', content: '监测数据', reviewId: 'review-1' })).thenThrows('BAD_USER_INPUT', 'ANSWER_WHILE_FEE_OUTSTANDING');
    });

    it('is closed the day after the pay-by date, not before, with the letter of Art. 42', () => {
      given(notice).when(answerWith({ outcome: 'OTHER_FEE_NOT_PAID', answeredOn: '2026-11-18' })).thenThrows('BAD_USER_INPUT', 'FEE_NOT_OVERDUE');
      const [event] = given(notice).when(answerWith({ outcome: 'OTHER_FEE_NOT_PAID', answeredOn: '2026-11-19' })).events();
      expect(event).toMatchObject({ type: 'InformationRequestAnswered', data: { outcome: 'OTHER_FEE_NOT_PAID', answeredOn: '2026-11-19' } });
      expect(event.type === 'InformationRequestAnswered' && event.data.letter).toContain('第四十二条');
      expect(evolveInformationRequest([...notice].reduce(evolveInformationRequest, initialInformationRequestState()), event).status).toBe('CLOSED');
    });

    it('is not closed for a fee that was paid, or never asked', () => {
      given([...notice, paid('2026-11-10')]).when(answerWith({ outcome: 'OTHER_FEE_NOT_PAID', answeredOn: '2026-11-19' })).thenThrows('BAD_USER_INPUT', 'FEE_NOT_OUTSTANDING');
      given([received('2026-11-02')]).when(answerWith({ outcome: 'OTHER_FEE_NOT_PAID', answeredOn: '2026-11-19' })).thenThrows('BAD_USER_INPUT', 'FEE_NOT_OUTSTANDING');
    });
  });

  describe('the applicant’s fingerprint at receipt', () => {
    const fingerprint = 'f'.repeat(64);

    it('keeps the keyed hash the intake computed, for the monthly count', () => {
      const [event] = given([]).when(register('2026-11-16', { applicantFingerprint: fingerprint })).events();
      expect(event).toMatchObject({ type: 'InformationRequestReceived', data: { applicantFingerprint: fingerprint } });
    });

    it('refuses anything but a hash, without repeating it', () => {
      const error = given([])
        .when({ type: 'RegisterInformationRequest', data: { ...intake, channel: 'LETTER', receivedOn: '2026-11-16', applicantFingerprint: '445302198807156611' } })
        .thenThrows('BAD_USER_INPUT', 'APPLICANT_FINGERPRINT_NOT_HASHED');
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('445302198807156611');
    });
  });
});
