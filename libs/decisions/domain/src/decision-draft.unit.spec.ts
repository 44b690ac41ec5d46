import { DeciderSpecification } from '@gongkai/kernel/testing';
import type { DecisionDraftCommand } from './decision-draft-commands';
import { decisionDraftDecider } from './decision-draft-decider';
import type { DecisionDraftEvent } from './decision-draft-events';
import {
  anonymous,
  CITY,
  consultationRequested,
  consultedAndDisposed,
  content,
  countyStaff,
  created,
  draftId,
  draftInput,
  feedbackPublished,
  feedbackRequested,
  leader,
  office,
  planning,
  regulations,
} from './decision-draft.fixtures';

const given = DeciderSpecification.for(decisionDraftDecider, { now: '2026-04-10T02:00:00Z', actor: regulations });

const create = (change: Record<string, unknown> = {}): DecisionDraftCommand => ({ type: 'CreateDecisionDraft', data: { draftId, agencyCode: CITY, content: { ...draftInput, ...change } } });
const adoptionInput = { finalText: '第一条 为防治扬尘污染……', documentNumber: '云环办〔2026〕11号', effectiveOn: '2026-05-01', approvedBy: '局务会议（2026年第5次）' };
const adopt = (change: Record<string, unknown> = {}): DecisionDraftCommand => ({ type: 'AdoptDecision', data: { draftId, adoption: { ...adoptionInput, ...change } } });
const decided = [...consultedAndDisposed, feedbackRequested, feedbackPublished];

describe('Decision draft (决策草案)', () => {
  describe('drafting', () => {
    it('records the draft and its explanation as version 1', () => {
      given([]).when(create()).then([created]);
    });

    it.each([
      ['a missing title', { title: '' }, 'REQUIRED'],
      ['an unknown kind', { kind: 'REGULATION' }, 'NOT_ALLOWED_VALUE'],
      ['a missing explanation', { explanation: undefined }, 'REQUIRED'],
      ['an unknown department', { departmentCode: 'LEGAL' }, 'UNKNOWN_DEPARTMENT'],
      ['an oversized title', { title: '题'.repeat(201) }, 'TOO_LONG'],
    ])('refuses %s', (_, change, rule) => {
      given([]).when(create(change)).thenThrows('BAD_USER_INPUT', rule);
    });

    it('is for staff only: the public must sign in', () => {
      given([]).when(create(), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    });

    it('keeps staff to their department and agency', () => {
      given([]).when(create(), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
      given([]).when(create(), { actor: countyStaff }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
    });

    it('refuses a second draft with the same id', () => {
      given([created]).when(create()).thenThrows('CONFLICT', 'DECISION_DRAFT_EXISTS');
    });
  });

  describe('revising', () => {
    const revise = (changeSummary = '补充罚则', expectedVersion = 1): DecisionDraftCommand => ({
      type: 'ReviseDecisionDraft',
      data: { draftId, expectedVersion, content: { ...draftInput, body: '修订后的文本' }, changeSummary },
    });

    it('makes a new version with its change summary', () => {
      given([created]).when(revise()).then([{ type: 'DecisionDraftRevised', data: { draftId, version: 2, content: { ...content, body: '修订后的文本' }, changeSummary: '补充罚则' } }]);
    });

    it('needs a change summary and the current version', () => {
      given([created]).when(revise('')).thenThrows('BAD_USER_INPUT', 'REQUIRED');
      given([created]).when(revise('补充', 3)).thenThrows('CONFLICT', 'STALE_VERSION');
    });

    it('withdraws the review of a consultation requested for the version it replaces', () => {
      const [event] = given([created, consultationRequested]).when(revise()).events();
      expect(event).toMatchObject({ data: { version: 2, withdrawnReviewId: 'review-1' } });
    });

    it('refuses an unknown draft', () => {
      given([]).when(revise()).thenThrows('NOT_FOUND', 'DECISION_DRAFT_NOT_FOUND');
    });
  });

  describe('adopting', () => {
    it('adopts a policy and registers it as a normative document, interim titles valid for 2 years', () => {
      const [event] = given(decided).when(adopt(), { actor: office }).events();
      expect(event).toEqual({
        type: 'DecisionAdopted',
        data: {
          draftId,
          agencyCode: CITY,
          kind: 'POLICY',
          adoption: { ...adoptionInput, title: content.title, adoptedOn: '2026-04-10' },
          normativeDocument: {
            documentId: draftId,
            number: '云环办〔2026〕11号',
            title: content.title,
            issuingDepartmentCode: 'REGULATIONS',
            issuedOn: '2026-04-10',
            effectiveOn: '2026-05-01',
            validityYears: 2,
            validUntil: '2028-04-30',
          },
        },
      });
    });

    it('registers nothing for a kind that is not a policy', () => {
      const plan = decided.map((e): DecisionDraftEvent => (e.type === 'DecisionDraftCreated' ? { ...e, data: { ...e.data, content: { ...content, kind: 'ENVIRONMENTAL_PLAN' } } } : e));
      const [event] = given(plan).when(adopt(), { actor: leader }).events();
      expect(event.data).not.toHaveProperty('normativeDocument');
    });

    it('waits for the feedback on the consultation to be published', () => {
      given([...consultedAndDisposed, feedbackRequested]).when(adopt(), { actor: office }).thenThrows('CONFLICT', 'FEEDBACK_NOT_PUBLISHED');
    });

    it('is decided by the leadership or the office, not the drafting department', () => {
      given(decided).when(adopt()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });

    it.each([
      ['a malformed document number', { documentNumber: '云环办2026-11' }, 'INVALID_DOCUMENT_NUMBER'],
      ['an effective date before adoption', { effectiveOn: '2026-04-09' }, 'EFFECTIVE_BEFORE_ADOPTION'],
      ['no final text', { finalText: '' }, 'REQUIRED'],
      ['no record of who decided', { approvedBy: '' }, 'REQUIRED'],
      ['an interim validity over 2 years', { validityYears: 3 }, 'VALIDITY_TOO_LONG'],
    ])('refuses %s', (_, change, rule) => {
      given(decided).when(adopt(change), { actor: office }).thenThrows('BAD_USER_INPUT', rule);
    });

    it('writes the number in its standard form', () => {
      const [event] = given(decided).when(adopt({ documentNumber: '云环办[2026]11号' }), { actor: office }).events();
      expect(event).toMatchObject({ data: { adoption: { documentNumber: '云环办〔2026〕11号' } } });
    });

    it('makes the decision final', () => {
      const adopted = given(decided).when(adopt(), { actor: office }).events();
      given([...decided, ...adopted]).when(adopt(), { actor: office }).thenThrows('CONFLICT', 'DECISION_ADOPTED');
    });
  });

  describe('withdrawing', () => {
    const withdraw = (reason = '上位法已修订'): DecisionDraftCommand => ({ type: 'WithdrawDecision', data: { draftId, reason } });

    it('withdraws with a reason and withdraws a pending review', () => {
      given([created, consultationRequested])
        .when(withdraw(), { actor: office })
        .then([{ type: 'DecisionWithdrawn', data: { draftId, reason: '上位法已修订', withdrawnAt: '2026-04-10T02:00:00.000Z', withdrawnReviewId: 'review-1' } }]);
    });

    it('needs a reason and a decision maker', () => {
      given([created]).when(withdraw(''), { actor: office }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
      given([created]).when(withdraw()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });

    it('leaves a withdrawn draft unchangeable', () => {
      const withdrawn = given([created]).when(withdraw(), { actor: office }).events();
      given([created, ...withdrawn])
        .when({ type: 'ReviseDecisionDraft', data: { draftId, expectedVersion: 1, content: draftInput, changeSummary: 'x' } })
        .thenThrows('CONFLICT', 'DECISION_WITHDRAWN');
    });
  });
});
