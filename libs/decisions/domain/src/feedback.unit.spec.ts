import { DeciderSpecification } from '@gongkai/kernel/testing';
import type { DecisionDraftCommand } from './decision-draft-commands';
import { decisionDraftDecider } from './decision-draft-decider';
import {
  commented,
  consultationPublished,
  consultationRequested,
  consultedAndDisposed,
  created,
  disposed,
  draftId,
  feedbackHash,
  feedbackPublished,
  feedbackRequested,
  hidden,
  planning,
  regulations,
  sealedContact,
  system,
} from './decision-draft.fixtures';

// 2026-04-02 10:00 in Shanghai: two days after the consultation closed.
const given = DeciderSpecification.for(decisionDraftDecider, { now: '2026-04-02T02:00:00Z', actor: regulations });

const dispose = (commentIds: string[], disposition = 'ADOPTED', reason = '已在第三条中体现'): DecisionDraftCommand => ({
  type: 'DisposeConsultationComments',
  data: { draftId, commentIds, disposition, reason },
});
const requestFeedback = (reviewId = 'review-f1'): DecisionDraftCommand => ({ type: 'RequestFeedbackPublication', data: { draftId, reviewId } });
const publishFeedback = (reviewId = 'review-f1', version = 1, contentHash = feedbackHash): DecisionDraftCommand => ({
  type: 'PublishReviewedFeedback',
  data: { draftId, version, contentHash, reviewId },
});
const closedWithComments = [created, consultationRequested, consultationPublished, commented('c1'), commented('c2', sealedContact('c2')), commented('c3'), hidden('c3')];

describe('Feedback on a consultation (意见采纳情况反馈)', () => {
  describe('disposing of comments, singly or in groups', () => {
    it('disposes of a group with one reason, numbering the group', () => {
      given(closedWithComments).when(dispose(['c1', 'c2', 'c1'])).then([disposed(1, ['c1', 'c2'])]);
    });

    it('numbers the next group after the last', () => {
      const [event] = given([...closedWithComments, disposed(1, ['c1'])])
        .when(dispose(['c2'], 'NOT_ADOPTED', '与上位法不一致'))
        .events();
      expect(event).toMatchObject({ data: { group: 2, commentIds: ['c2'], disposition: 'NOT_ADOPTED' } });
    });

    it('waits until the consultation has closed', () => {
      given(closedWithComments).when(dispose(['c1']), { now: '2026-03-31T15:59:59Z' }).thenThrows('BAD_USER_INPUT', 'CONSULTATION_NOT_CLOSED');
    });

    it.each([
      ['an unknown comment', dispose(['c1', 'c9']), 'UNKNOWN_COMMENT'],
      ['no comment at all', dispose([]), 'TOO_FEW'],
      ['an unknown disposition', dispose(['c1'], 'IGNORED'), 'NOT_ALLOWED_VALUE'],
      ['a disposition without a reason', dispose(['c1'], 'NOT_ADOPTED', ''), 'REQUIRED'],
    ])('refuses %s', (_, command, rule) => {
      given(closedWithComments).when(command).thenThrows('BAD_USER_INPUT', rule);
    });

    it('is the responsible department’s work', () => {
      given(closedWithComments).when(dispose(['c1']), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    });

    it('needs a consultation that took place', () => {
      given([created]).when(dispose(['c1'])).thenThrows('CONFLICT', 'NO_CONSULTATION');
    });

    it('withdraws a pending feedback review, whose report it changes', () => {
      const [event] = given([...consultedAndDisposed, feedbackRequested]).when(dispose(['c1'], 'PARTLY_ADOPTED', '部分采纳')).events();
      expect(event).toMatchObject({ data: { withdrawnReviewId: 'review-f1' } });
    });

    it('changes nothing once the feedback is published', () => {
      given([...consultedAndDisposed, feedbackRequested, feedbackPublished]).when(dispose(['c1'])).thenThrows('CONFLICT', 'FEEDBACK_ALREADY_PUBLISHED');
    });
  });

  describe('requesting publication of the feedback', () => {
    it('reports the counts by disposition, the hidden comments and each group’s reason', () => {
      given(consultedAndDisposed).when(requestFeedback()).then([feedbackRequested]);
    });

    it('refuses while a visible comment is undisposed, naming how many', () => {
      const error = given(closedWithComments).when(requestFeedback()).thenThrows('BAD_USER_INPUT', 'UNDISPOSED_COMMENTS');
      expect(error.details).toEqual({ undisposed: 2 });
    });

    it('does not wait for hidden comments', () => {
      const [event] = given([...closedWithComments, disposed(1, ['c1', 'c2'])]).when(requestFeedback()).events();
      expect(event.type).toBe('FeedbackPublicationRequested');
    });

    it('reports a consultation that received no comment', () => {
      const [event] = given([created, consultationRequested, consultationPublished]).when(requestFeedback()).events();
      expect(event).toMatchObject({ data: { report: { totalComments: 0, hiddenComments: 0, groups: [] } } });
    });

    it('refuses a second request while one is pending', () => {
      given([...consultedAndDisposed, feedbackRequested]).when(requestFeedback('review-f2')).thenThrows('CONFLICT', 'REVIEW_ALREADY_PENDING');
    });

    it('asks again with a new version after a disposal withdrew the first request', () => {
      const redisposed = given([...consultedAndDisposed, feedbackRequested]).when(dispose(['c1'], 'PARTLY_ADOPTED', '部分采纳')).events();
      const [event] = given([...consultedAndDisposed, feedbackRequested, ...redisposed]).when(requestFeedback('review-f2')).events();
      expect(event).toMatchObject({ data: { feedbackVersion: 2, publicationRequest: { itemVersion: 2, reviewId: 'review-f2' } } });
    });
  });

  describe('publishing the reviewed feedback', () => {
    it('publishes the approved report', () => {
      given([...consultedAndDisposed, feedbackRequested]).when(publishFeedback(), { actor: system, now: '2026-04-03T02:00:00Z' }).then([feedbackPublished]);
    });

    it('publishes nothing when a comment was hidden after the request', () => {
      const hideLater = given([...consultedAndDisposed, feedbackRequested])
        .when({ type: 'HideConsultationComment', data: { draftId, commentId: 'c2', reason: '含个人信息' } })
        .events();
      expect(hideLater[0]).toMatchObject({ data: { withdrawnReviewId: 'review-f1' } });
      given([...consultedAndDisposed, feedbackRequested, ...hideLater]).when(publishFeedback(), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('does nothing when the same approval arrives again', () => {
      given([...consultedAndDisposed, feedbackRequested, feedbackPublished]).when(publishFeedback(), { actor: system }).thenNothingHappened();
    });

    it('is the review gate’s act, never staff’s', () => {
      given([...consultedAndDisposed, feedbackRequested]).when(publishFeedback()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });
});
