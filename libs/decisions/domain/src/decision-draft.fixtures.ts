import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import type { ConsultationTerms } from './consultation-terms';
import type { DecisionDraftEvent } from './decision-draft-events';
import { consultationContentHash } from './decision-draft-guards';
import type { DraftContent } from './decision-draft';
import { feedbackContentHash } from './feedback-decisions';
import type { FeedbackReport, SealedContact } from './consultation-comment';

/** Shared by the decision specifications: one policy draft of the regulations department, consulted in March 2026. */
export const draftId = 'draft-1';
export const CITY = '445300';
export const regulations: Actor = { id: 'user-regulations', roles: ['staff'], agencyCode: CITY, departmentCode: 'REGULATIONS' };
export const planning: Actor = { id: 'user-planning', roles: ['staff'], agencyCode: CITY, departmentCode: 'PLANNING' };
export const countyStaff: Actor = { id: 'user-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'REGULATIONS' };
export const office: Actor = { id: 'user-office', roles: ['office', 'staff'], agencyCode: CITY, departmentCode: 'OFFICE' };
export const leader: Actor = { id: 'user-leader', roles: ['leader'], agencyCode: CITY };
export const system: Actor = systemActor('decisions.publication');
export const anonymous: Actor = ANONYMOUS;

export const draftInput = {
  title: '云浮市扬尘污染防治管理办法（试行）',
  kind: 'POLICY',
  body: '第一条 为防治扬尘污染，改善大气环境质量，制定本办法。',
  departmentCode: 'REGULATIONS',
  explanation: '根据《中华人民共和国大气污染防治法》起草，现公开征求意见。',
};
export const content: DraftContent = { ...draftInput, kind: 'POLICY' };

/** 2 March to 31 March 2026: 30 calendar days, the statutory minimum. */
export const terms: ConsultationTerms = { opensOn: '2026-03-02', closesOn: '2026-03-31', channels: ['WEBSITE', 'WECHAT'], shortPeriodReason: '' };
export const termsInput = { opensOn: '2026-03-02', closesOn: '2026-03-31', channels: ['WECHAT', 'WEBSITE'] };
export const consultationHash = consultationContentHash(draftId, 1, content, terms);

export const created: DecisionDraftEvent = { type: 'DecisionDraftCreated', data: { draftId, agencyCode: CITY, version: 1, content } };
export const consultationRequested: DecisionDraftEvent = {
  type: 'ConsultationRequested',
  data: {
    draftId,
    draftVersion: 1,
    terms,
    contentHash: consultationHash,
    publicationRequest: {
      reviewId: 'review-1',
      itemType: 'CONSULTATION_DRAFT',
      itemId: draftId,
      itemVersion: 1,
      contentHash: consultationHash,
      title: content.title,
      agencyCode: CITY,
      departmentCode: 'REGULATIONS',
      requestedBy: regulations.id,
    },
  },
};
export const consultationPublished: DecisionDraftEvent = {
  type: 'ConsultationPublished',
  data: { draftId, draftVersion: 1, contentHash: consultationHash, reviewId: 'review-1', publishedAt: '2026-03-01T03:00:00.000Z' },
};
/** A contact as the gateway hands it over: ciphertext under the comment's own key (not real ciphertext here). */
export const sealedContact = (commentId: string): SealedContact => ({ keyId: `consultation-comment:${commentId}`, ciphertext: 'pd1.aXY.dGFn.Ym9keQ' });

export const commented = (commentId: string, contact?: SealedContact): DecisionDraftEvent => ({
  type: 'ConsultationCommentSubmitted',
  data: { draftId, commentId, content: `意见 ${commentId}`, authorName: '', ...(contact ? { contact } : {}), submittedAt: '2026-03-10T02:00:00.000Z' },
});
export const hidden = (commentId: string): DecisionDraftEvent => ({
  type: 'ConsultationCommentHidden',
  data: { draftId, commentId, reason: '含有广告内容', hiddenAt: '2026-03-11T02:00:00.000Z' },
});
export const disposed = (group: number, commentIds: string[], disposition: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED' = 'ADOPTED'): DecisionDraftEvent => ({
  type: 'ConsultationCommentsDisposed',
  data: { draftId, group, commentIds, disposition, reason: '已在第三条中体现', disposedAt: '2026-04-02T02:00:00.000Z' },
});

/** A consultation with three comments, one hidden, both visible ones adopted. */
export const consultedAndDisposed: DecisionDraftEvent[] = [
  created,
  consultationRequested,
  consultationPublished,
  commented('c1'),
  commented('c2', sealedContact('c2')),
  commented('c3'),
  hidden('c3'),
  disposed(1, ['c1', 'c2']),
];
export const report: FeedbackReport = {
  totalComments: 3,
  hiddenComments: 1,
  counts: [
    { disposition: 'ADOPTED', comments: 2 },
    { disposition: 'PARTLY_ADOPTED', comments: 0 },
    { disposition: 'NOT_ADOPTED', comments: 0 },
  ],
  groups: [{ group: 1, disposition: 'ADOPTED', reason: '已在第三条中体现', commentIds: ['c1', 'c2'] }],
};
export const feedbackHash = feedbackContentHash(draftId, 1, report);
export const feedbackRequested: DecisionDraftEvent = {
  type: 'FeedbackPublicationRequested',
  data: {
    draftId,
    feedbackVersion: 1,
    report,
    contentHash: feedbackHash,
    publicationRequest: {
      reviewId: 'review-f1',
      itemType: 'CONSULTATION_FEEDBACK',
      itemId: draftId,
      itemVersion: 1,
      contentHash: feedbackHash,
      title: `${content.title}（意见采纳情况反馈）`,
      agencyCode: CITY,
      departmentCode: 'REGULATIONS',
      requestedBy: regulations.id,
    },
  },
};
export const feedbackPublished: DecisionDraftEvent = {
  type: 'FeedbackPublished',
  data: { draftId, feedbackVersion: 1, contentHash: feedbackHash, reviewId: 'review-f1', publishedAt: '2026-04-03T02:00:00.000Z' },
};
