import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { type AnswerLimitsCommand, type AnswerLimitsEvent, answerLimitsDecider } from './answer-limits';

const given = DeciderSpecification.for(answerLimitsDecider, { now: '2026-03-02T02:00:00Z' });
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const countyOffice: Actor = { id: 'county-office', roles: ['office'], agencyCode: '445381', departmentCode: 'OFFICE' };
const reason = '局务会议决定：建议类留言答复时限调整为10个工作日';

const set = (limits: Record<string, unknown>, agencyCode = '445300'): AnswerLimitsCommand => ({ type: 'SetMessageAnswerLimits', data: { agencyCode, limits, reason } });
const setTen: AnswerLimitsEvent = {
  type: 'MessageAnswerLimitsSet',
  data: { agencyCode: '445300', limits: { INQUIRY: 5, SUGGESTION: 10, COMPLAINT: 5 }, reason, setBy: 'demo-office', setOn: '2026-03-02' },
};

describe('Answer time limits of public messages', () => {
  it('are set per kind by the office, with a reason, the other kinds keeping theirs', () => {
    given([]).when(set({ SUGGESTION: 10 }), { actor: office }).then([setTen]);
    given([setTen])
      .when(set({ INQUIRY: 3 }), { actor: office })
      .then([{ type: 'MessageAnswerLimitsSet', data: { ...setTen.data, limits: { INQUIRY: 3, SUGGESTION: 10, COMPLAINT: 5 } } }]);
  });

  it('record nothing when nothing changes', () => {
    given([setTen]).when(set({ SUGGESTION: 10 }), { actor: office }).thenNothingHappened();
  });

  it.each([
    ['more than the 20 working days of a formal request', { INQUIRY: 21 }, 'ANSWER_LIMIT_OUT_OF_RANGE'],
    ['no working days', { INQUIRY: 0 }, 'ANSWER_LIMIT_OUT_OF_RANGE'],
    ['a kind that does not exist', { PRAISE: 5 }, 'NOT_ALLOWED_VALUE'],
  ])('refuse %s', (_, limits, rule) => {
    given([]).when(set(limits), { actor: office }).thenThrows('BAD_USER_INPUT', rule);
  });

  it('need a reason for the history', () => {
    given([]).when({ type: 'SetMessageAnswerLimits', data: { agencyCode: '445300', limits: { INQUIRY: 3 }, reason: '' } }, { actor: office }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
  });

  it('are not set by department staff, nor by another agency', () => {
    given([]).when(set({ INQUIRY: 3 }), { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when(set({ INQUIRY: 3 }), { actor: countyOffice }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
  });
});
