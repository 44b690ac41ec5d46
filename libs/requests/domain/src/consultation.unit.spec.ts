import type { InformationRequestCommand } from './information-request-commands';
import type { InformationRequestEvent } from './information-request-events';
import { given, received, requestId } from './information-request.fixtures';

describe('Information request (政府信息公开申请): third-party consultation', () => {
  const consult = (sentOn: string): InformationRequestCommand => ({ type: 'StartThirdPartyConsultation', data: { requestId, thirdParty: '云浮某水泥有限公司', sentOn } });
  const started: InformationRequestEvent = {
    type: 'ThirdPartyConsultationStarted',
    data: { requestId, consultation: 1, thirdParty: '云浮某水泥有限公司', sentOn: '2026-09-18', replyDueOn: '2026-10-15' },
  };

  it('gives the third party 15 working days', () => {
    // Sun 09-20 make-up [1], 09-21 … 09-24 [2–5], 09-28 … 09-30 [6–8], Thu 10-08 [9], Fri [10], Sat 10-10 make-up [11], 10-12 … Thu 10-15 [12–15].
    given([received('2026-09-14')]).when(consult('2026-09-18')).then([started]);
  });

  it('runs one consultation at a time', () => {
    given([received('2026-09-14'), started]).when(consult('2026-09-21')).thenThrows('BAD_USER_INPUT', 'CONSULTATION_ALREADY_OPEN');
  });

  it('records the reply, and refuses a reply before the consultation or without one', () => {
    given([received('2026-09-14'), started])
      .when({ type: 'RecordThirdPartyReply', data: { requestId, receivedOn: '2026-09-30', consents: false } })
      .then([{ type: 'ThirdPartyReplyRecorded', data: { requestId, consultation: 1, receivedOn: '2026-09-30', consents: false } }]);
    given([received('2026-09-14'), started])
      .when({ type: 'RecordThirdPartyReply', data: { requestId, receivedOn: '2026-09-17', consents: true } })
      .thenThrows('BAD_USER_INPUT', 'DATE_BEFORE_CONSULTATION');
    given([received('2026-09-14')])
      .when({ type: 'RecordThirdPartyReply', data: { requestId, receivedOn: '2026-09-30', consents: true } })
      .thenThrows('BAD_USER_INPUT', 'NO_OPEN_CONSULTATION');
  });
});
