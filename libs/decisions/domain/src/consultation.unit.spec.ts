import { DeciderSpecification } from '@gongkai/kernel/testing';
import { validateCommentContact } from './consultation-comment';
import type { DecisionDraftCommand } from './decision-draft-commands';
import { decisionDraftDecider } from './decision-draft-decider';
import type { DecisionDraftEvent } from './decision-draft-events';
import {
  anonymous,
  commented,
  consultationHash,
  consultationPublished,
  consultationRequested,
  content,
  created,
  draftId,
  draftInput,
  planning,
  regulations,
  sealedContact,
  system,
  termsInput,
} from './decision-draft.fixtures';

// 2026-03-01 10:00 in Shanghai: the day before the consultation opens.
const given = DeciderSpecification.for(decisionDraftDecider, { now: '2026-03-01T02:00:00Z', actor: regulations });

const request = (terms: Record<string, unknown>, reviewId = 'review-1', expectedVersion = 1): DecisionDraftCommand => ({
  type: 'RequestConsultation',
  data: { draftId, expectedVersion, reviewId, terms },
});
const comment = (commentId = 'c1', extra: Record<string, unknown> = {}): DecisionDraftCommand => ({
  type: 'SubmitConsultationComment',
  data: { draftId, commentId, content: '建议明确施工工地围挡高度。', ...extra },
});
const publish = (reviewId = 'review-1', version = 1, contentHash = consultationHash): DecisionDraftCommand => ({
  type: 'PublishReviewedConsultation',
  data: { draftId, version, contentHash, reviewId },
});
const open = [created, consultationRequested, consultationPublished];

describe('Public consultation (公开征求意见)', () => {
  describe('requesting a consultation', () => {
    it('binds the request to this version of the draft and these terms, with the channels in a fixed order', () => {
      given([created]).when(request(termsInput)).then([consultationRequested]);
    });

    it('accepts exactly 30 calendar days, both ends counted', () => {
      const [event] = given([created]).when(request({ ...termsInput, closesOn: '2026-03-31' })).events();
      expect(event.type).toBe('ConsultationRequested');
    });

    it('refuses 29 days without a reason (Interim Regulations on Major Administrative Decision-Making Procedures, Art. 15)', () => {
      const error = given([created]).when(request({ ...termsInput, closesOn: '2026-03-30' })).thenThrows('BAD_USER_INPUT', 'CONSULTATION_PERIOD_TOO_SHORT');
      expect(error.details).toMatchObject({ days: 29, minimum: 30 });
    });

    it('accepts a shorter period with a reason, which is published with it', () => {
      const [event] = given([created])
        .when(request({ ...termsInput, closesOn: '2026-03-11', shortPeriodReason: '上级督办，时间紧急' }))
        .events();
      expect(event).toMatchObject({ data: { terms: { closesOn: '2026-03-11', shortPeriodReason: '上级督办，时间紧急' } } });
    });

    it('refuses a closing date before the opening date', () => {
      given([created]).when(request({ ...termsInput, closesOn: '2026-03-01', shortPeriodReason: '紧急' })).thenThrows('BAD_USER_INPUT', 'CLOSES_BEFORE_OPENS');
    });

    it('refuses an opening date that has passed in Shanghai', () => {
      given([created])
        .when(request({ ...termsInput, opensOn: '2026-02-28', closesOn: '2026-04-30' }))
        .thenThrows('BAD_USER_INPUT', 'OPENS_IN_THE_PAST');
    });

    it.each([
      ['no channel', { channels: [] }, 'TOO_FEW'],
      ['an unknown channel', { channels: ['RADIO'] }, 'NOT_ALLOWED_VALUE'],
      ['a date that does not exist', { closesOn: '2026-02-30' }, 'INVALID_DATE'],
      ['a missing opening date', { opensOn: undefined }, 'REQUIRED'],
    ])('refuses %s', (_, change, rule) => {
      given([created]).when(request({ ...termsInput, ...change })).thenThrows('BAD_USER_INPUT', rule);
    });

    it('replaces a pending request, withdrawing its review', () => {
      const [event] = given([created, consultationRequested])
        .when(request({ ...termsInput, opensOn: '2026-03-05', closesOn: '2026-04-05' }, 'review-2'))
        .events();
      expect(event).toMatchObject({ type: 'ConsultationRequested', data: { withdrawnReviewId: 'review-1', publicationRequest: { reviewId: 'review-2' } } });
    });

    it('refuses a second consultation once one is published', () => {
      given(open).when(request(termsInput, 'review-2')).thenThrows('CONFLICT', 'CONSULTATION_ALREADY_PUBLISHED');
    });

    it('is the responsible department’s request', () => {
      given([created]).when(request(termsInput), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    });

    it('refuses a stale version', () => {
      given([created]).when(request(termsInput, 'review-1', 2)).thenThrows('CONFLICT', 'STALE_VERSION');
    });
  });

  describe('publishing what was reviewed (先审查、后公开)', () => {
    it('publishes the approved version and terms', () => {
      given([created, consultationRequested])
        .when(publish(), { actor: system, now: '2026-03-01T03:00:00Z' })
        .then([consultationPublished]);
    });

    it('may be approved on the opening day itself', () => {
      const [event] = given([created, consultationRequested]).when(publish(), { actor: system, now: '2026-03-02T15:59:59Z' }).events();
      expect(event.type).toBe('ConsultationPublished');
    });

    it('publishes nothing when the approval comes after the opening day: the announced period is gone', () => {
      given([created, consultationRequested]).when(publish(), { actor: system, now: '2026-03-02T16:00:00Z' }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('publishes nothing when the draft was revised after the request', () => {
      const revised: DecisionDraftEvent = {
        type: 'DecisionDraftRevised',
        data: { draftId, version: 2, content: { ...content, body: '新文本' }, changeSummary: '修改', withdrawnReviewId: 'review-1' },
      };
      given([created, consultationRequested, revised]).when(publish(), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('publishes nothing for a replaced request', () => {
      const replaced = given([created, consultationRequested])
        .when(request({ ...termsInput, closesOn: '2026-04-30' }, 'review-2'))
        .events();
      given([created, consultationRequested, ...replaced]).when(publish('review-1'), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('does nothing when the same approval arrives again', () => {
      given(open).when(publish(), { actor: system }).thenNothingHappened();
    });

    it('is the review gate’s act, never staff’s', () => {
      given([created, consultationRequested]).when(publish()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('commenting while open: 00:00 of the opening day to 24:00 of the closing day, Asia/Shanghai', () => {
    const submitted = (at: string): DecisionDraftEvent => ({
      type: 'ConsultationCommentSubmitted',
      data: { draftId, commentId: 'c1', content: '建议明确施工工地围挡高度。', authorName: '', submittedAt: new Date(at).toISOString() },
    });

    it('refuses 23:59:59 on the day before opening', () => {
      given(open).when(comment(), { actor: anonymous, now: '2026-03-01T15:59:59Z' }).thenThrows('BAD_USER_INPUT', 'COMMENT_OUTSIDE_OPEN_PERIOD');
    });

    it('accepts 00:00:00 on the opening day', () => {
      given(open).when(comment(), { actor: anonymous, now: '2026-03-01T16:00:00Z' }).then([submitted('2026-03-01T16:00:00Z')]);
    });

    it('accepts 23:59:59 on the closing day', () => {
      given(open).when(comment(), { actor: anonymous, now: '2026-03-31T15:59:59Z' }).then([submitted('2026-03-31T15:59:59Z')]);
    });

    it('refuses 00:00:00 on the day after closing, naming the period', () => {
      const error = given(open).when(comment(), { actor: anonymous, now: '2026-03-31T16:00:00Z' }).thenThrows('BAD_USER_INPUT', 'COMMENT_OUTSIDE_OPEN_PERIOD');
      expect(error.details).toEqual({ opensOn: '2026-03-02', closesOn: '2026-03-31' });
    });

    it('keeps the optional name and the contact, which it accepts only encrypted under the comment’s own key', () => {
      const [event] = given(open)
        .when(comment('c1', { authorName: '张先生', contact: sealedContact('c1') }), { actor: anonymous, now: '2026-03-10T02:00:00Z' })
        .events();
      expect(event).toMatchObject({ data: { authorName: '张先生', contact: sealedContact('c1') } });
      const [bare] = given(open).when(comment('c2'), { actor: anonymous, now: '2026-03-10T02:00:00Z' }).events();
      expect(bare.data).not.toHaveProperty('contact');
    });

    it.each([
      ['an empty comment', { content: '  ' }, 'REQUIRED'],
      ['a comment over 5,000 characters', { content: '字'.repeat(5001) }, 'TOO_LONG'],
      ['a contact in plain text', { contact: 'zhang@example.com' }, 'CONTACT_NOT_SEALED'],
      ['a contact sealed under another comment’s key', { contact: sealedContact('c9') }, 'CONTACT_NOT_SEALED'],
    ])('refuses %s', (_, change, rule) => {
      given(open).when(comment('c1', change), { actor: anonymous, now: '2026-03-10T02:00:00Z' }).thenThrows('BAD_USER_INPUT', rule);
    });

    it('checks the plain contact before it is sealed, without ever repeating it', () => {
      expect(validateCommentContact(' 0766-8888888 ')).toBe('0766-8888888');
      expect(validateCommentContact(null)).toBe('');
      let caught: unknown;
      try {
        validateCommentContact(`secret-${'9'.repeat(100)}`);
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG', details: { field: 'contact' } });
      expect(JSON.stringify({ message: (caught as Error).message, details: (caught as { details: unknown }).details })).not.toContain('secret-');
    });

    it('accepts exactly 5,000 characters', () => {
      const [event] = given(open).when(comment('c1', { content: '字'.repeat(5000) }), { actor: anonymous, now: '2026-03-10T02:00:00Z' }).events();
      expect(event.type).toBe('ConsultationCommentSubmitted');
    });

    it('knows no consultation that is still under review: the public learns nothing of the draft', () => {
      given([created, consultationRequested]).when(comment(), { actor: anonymous, now: '2026-03-10T02:00:00Z' }).thenThrows('NOT_FOUND', 'CONSULTATION_NOT_FOUND');
      given([]).when(comment(), { actor: anonymous, now: '2026-03-10T02:00:00Z' }).thenThrows('NOT_FOUND', 'CONSULTATION_NOT_FOUND');
    });

    it('takes no comment once the decision is withdrawn', () => {
      const withdrawn: DecisionDraftEvent = { type: 'DecisionWithdrawn', data: { draftId, reason: '上位法修订', withdrawnAt: '2026-03-05T02:00:00.000Z' } };
      given([...open, withdrawn]).when(comment(), { actor: anonymous, now: '2026-03-10T02:00:00Z' }).thenThrows('CONFLICT', 'DECISION_WITHDRAWN');
    });
  });

  describe('moderation: hiding with a published reason, never deleting', () => {
    const hide = (commentId = 'c1', reason = '含有人身攻击内容'): DecisionDraftCommand => ({ type: 'HideConsultationComment', data: { draftId, commentId, reason } });

    it('hides a comment with its reason', () => {
      given([...open, commented('c1')])
        .when(hide(), { now: '2026-03-11T02:00:00Z' })
        .then([{ type: 'ConsultationCommentHidden', data: { draftId, commentId: 'c1', reason: '含有人身攻击内容', hiddenAt: '2026-03-11T02:00:00.000Z' } }]);
    });

    it('needs a reason', () => {
      given([...open, commented('c1')]).when(hide('c1', '')).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });

    it('refuses to hide twice and knows no unknown comment', () => {
      const hiddenOnce = given([...open, commented('c1')]).when(hide()).events();
      given([...open, commented('c1'), ...hiddenOnce]).when(hide()).thenThrows('CONFLICT', 'COMMENT_ALREADY_HIDDEN');
      given(open).when(hide('c9')).thenThrows('NOT_FOUND', 'COMMENT_NOT_FOUND');
    });

    it('is for the responsible department, not the public', () => {
      given([...open, commented('c1')]).when(hide(), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
      given([...open, commented('c1')]).when(hide(), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    });
  });

  it('keeps the draft text fixed while the public is commenting on it', () => {
    given(open)
      .when({ type: 'ReviseDecisionDraft', data: { draftId, expectedVersion: 1, content: draftInput, changeSummary: '修改' } }, { now: '2026-03-31T15:59:59Z' })
      .thenThrows('CONFLICT', 'DRAFT_UNDER_CONSULTATION');
    const [revised] = given(open)
      .when({ type: 'ReviseDecisionDraft', data: { draftId, expectedVersion: 1, content: draftInput, changeSummary: '吸收公众意见' } }, { now: '2026-03-31T16:00:00Z' })
      .events();
    expect(revised).toMatchObject({ type: 'DecisionDraftRevised', data: { version: 2 } });
  });
});
