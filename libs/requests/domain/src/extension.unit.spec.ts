import type { InformationRequestCommand } from './information-request-commands';
import type { InformationRequestEvent } from './information-request-events';
import { given, leader, received, requestId, supplementAsked } from './information-request.fixtures';

describe('Information request (政府信息公开申请): extension', () => {
  const extendBy = (workingDays: number, approvedBy?: string): InformationRequestCommand => ({
    type: 'ExtendInformationRequest',
    data: { requestId, reason: '需要调取多个年度的监测档案', workingDays, ...(approvedBy ? { approvedBy } : {}) },
  });

  it('records a leader’s approval named by staff, with the due date before and after', () => {
    // Received Mon 09-14, due Fri 10-16; + 20 working days → Fri 11-13 (worked out in request-clock.unit.spec.ts).
    given([received('2026-09-14')])
      .when(extendBy(20, '王局长'))
      .then([
        {
          type: 'InformationRequestExtended',
          data: {
            requestId,
            workingDays: 20,
            reason: '需要调取多个年度的监测档案',
            approvedBy: '王局长',
            approvedInPerson: false,
            grantedOn: '2026-11-27',
            answerDueOnBefore: '2026-10-16',
            answerDueOn: '2026-11-13',
          },
        },
      ]);
  });

  it('lets a signed-in leader approve it, of any department', () => {
    const [event] = given([received('2026-09-14')]).when(extendBy(5), { actor: leader }).events();
    expect(event).toMatchObject({ data: { approvedBy: '王局长', approvedInPerson: true } });
  });

  it.each([
    ['without a leader’s approval', extendBy(5), 'LEADER_APPROVAL_REQUIRED'],
    ['by more than 20 working days', extendBy(21, '王局长'), 'EXTENSION_TOO_LONG'],
    ['by no working days', extendBy(0, '王局长'), 'OUT_OF_RANGE'],
  ])('refuses an extension %s', (_, command, rule) => {
    given([received('2026-09-14')]).when(command).thenThrows('BAD_USER_INPUT', rule);
  });

  it('extends once only', () => {
    const extended: InformationRequestEvent = {
      type: 'InformationRequestExtended',
      data: { requestId, workingDays: 5, reason: 'x', approvedBy: '王局长', approvedInPerson: false, grantedOn: '2026-10-01', answerDueOnBefore: '2026-10-16', answerDueOn: '2026-10-23' },
    };
    const error = given([received('2026-09-14'), extended]).when(extendBy(5, '王局长')).thenThrows('BAD_USER_INPUT', 'EXTENSION_ALREADY_GRANTED');
    expect(error.message).toMatch(/Art\. 33/);
  });

  it('has nothing to extend while the clock waits for a supplement', () => {
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')]).when(extendBy(5, '王局长')).thenThrows('BAD_USER_INPUT', 'EXTENSION_WHILE_CLOCK_STOPPED');
  });
});
