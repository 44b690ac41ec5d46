import type { InformationRequestCommand } from './information-request-commands';
import type { InformationRequestEvent } from './information-request-events';
import { answered, admin, given, received, requestId } from './information-request.fixtures';

describe('Information request (政府信息公开申请): afterwards', () => {
  it('records reconsideration and litigation with their results', () => {
    given(answered)
      .when({ type: 'RecordRequestAppeal', data: { requestId, kind: 'RECONSIDERATION', result: 'UPHELD', decidedOn: '2026-11-20' } })
      .then([{ type: 'RequestAppealRecorded', data: { requestId, kind: 'RECONSIDERATION', result: 'UPHELD', decidedOn: '2026-11-20' } }]);
    given(answered)
      .when({ type: 'RecordRequestAppeal', data: { requestId, kind: 'LITIGATION_DIRECT', result: 'PENDING' } })
      .then([{ type: 'RequestAppealRecorded', data: { requestId, kind: 'LITIGATION_DIRECT', result: 'PENDING', decidedOn: null } }]);
  });

  it.each<[string, InformationRequestEvent[], Record<string, unknown>, string]>([
    ['a decided appeal without its date', [], { kind: 'RECONSIDERATION', result: 'CORRECTED' }, 'APPEAL_DECISION_DATE_REQUIRED'],
    ['litigation after a reconsideration not yet decided', [], { kind: 'LITIGATION_AFTER_RECONSIDERATION', result: 'PENDING' }, 'RECONSIDERATION_NOT_DECIDED'],
    [
      'a second result for a decided appeal',
      [{ type: 'RequestAppealRecorded', data: { requestId, kind: 'RECONSIDERATION', result: 'UPHELD', decidedOn: '2026-11-20' } }],
      { kind: 'RECONSIDERATION', result: 'CORRECTED', decidedOn: '2026-11-21' },
      'APPEAL_ALREADY_DECIDED',
    ],
  ])('refuses %s', (_, earlier, data, rule) => {
    given([...answered, ...earlier])
      .when({ type: 'RecordRequestAppeal', data: { requestId, kind: String(data['kind']), result: String(data['result']), decidedOn: (data['decidedOn'] as string) ?? null } })
      .thenThrows('BAD_USER_INPUT', rule);
  });

  it('lets an administrator erase the personal data once the request is answered, once', () => {
    const erase: InformationRequestCommand = { type: 'EraseApplicantPersonalData', data: { requestId, reason: '保存期限届满' } };
    const erased: InformationRequestEvent = { type: 'ApplicantPersonalDataErased', data: { requestId, keyId: requestId, reason: '保存期限届满', erasedAt: '2026-11-27T02:00:00.000Z' } };
    given(answered).when(erase, { actor: admin }).then([erased]);
    given([...answered, erased]).when(erase, { actor: admin }).thenNothingHappened();
    given([received('2026-09-14')]).when(erase, { actor: admin }).thenThrows('BAD_USER_INPUT', 'ERASURE_BEFORE_ANSWER');
    given(answered).when(erase).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
