import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { CommentView, ConsultationView } from '../consultation-visibility';
import type { DecisionDraftView } from '../decision-draft-visibility';
import type { Consultation, ConsultationComment } from './consultation.types';
import type { DecisionDraft } from './decision-draft.types';

export const toConsultation = (view: ConsultationView): Consultation => ({
  id: view.id,
  agency: agencyRef(view.agencyCode),
  title: view.title,
  draft: view.draft
    ? { title: view.draft.title, kind: view.draft.kind, body: view.draft.body, explanation: view.draft.explanation, department: departmentRef(view.draft.departmentCode), version: view.draft.version }
    : null,
  opensOn: view.terms.opensOn,
  closesOn: view.terms.closesOn,
  days: view.days,
  channels: [...view.terms.channels],
  shortPeriodReason: view.terms.shortPeriodReason || null,
  status: view.status,
  published: view.published,
  publishedAt: view.publishedAt,
  pendingReviewId: view.pendingReviewId,
  decisionStatus: view.decisionStatus,
  withdrawalReason: view.withdrawalReason,
  commentCount: view.commentCount,
  hiddenCount: view.hiddenCount,
  feedback: view.feedback
    ? {
        version: view.feedback.version,
        status: view.feedback.status,
        totalComments: view.feedback.report.totalComments,
        hiddenComments: view.feedback.report.hiddenComments,
        counts: view.feedback.report.counts.map((c) => ({ ...c })),
        groups: view.feedback.report.groups.map((g) => ({ ...g, commentIds: [...g.commentIds] })),
        contentHash: view.feedback.contentHash,
        publishedAt: view.feedback.publishedAt,
      }
    : null,
  agencyCode: view.agencyCode,
  showsComments: view.showsComments,
  showsContacts: view.showsContacts,
});

/** `contact` is the opened contact: the view only carries its ciphertext. */
export const toConsultationComment = (view: CommentView, contact: string | null): ConsultationComment => ({ ...view, contact });

export const toDecisionDraft = (view: DecisionDraftView): DecisionDraft => ({
  id: view.id,
  agency: agencyRef(view.agencyCode),
  department: departmentRef(view.content.departmentCode),
  kind: view.content.kind,
  title: view.content.title,
  body: view.content.body,
  explanation: view.content.explanation,
  version: view.version,
  status: view.status,
  revisions: view.revisions.map(({ version, changeSummary, createdAt }) => ({ version, changeSummary, createdAt })),
  consultation: view.consultation ? toConsultation(view.consultation) : null,
  adoption: view.adoption ? { ...view.adoption } : null,
  normativeDocumentId: view.normativeDocumentId,
  withdrawal: view.withdrawal ? { ...view.withdrawal } : null,
  updatedAt: view.updatedAt,
});
