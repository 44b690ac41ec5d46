import type { PublicationSubject } from '@gongkai/contracts';
import { REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { badInput, conflict, contentHash, type DecideContext, requireList, requireOneOf, requireRole, requireStaffFor, requireText } from '@gongkai/kernel';
import { DISPOSITIONS, type FeedbackReport, feedbackReportOf, undisposedVisibleComments } from './consultation-comment';
import { consultationPhaseAt } from './consultation-terms';
import type { DecisionDraftCommandOf } from './decision-draft-commands';
import type { DecisionDraftEvent, DecisionDraftState } from './decision-draft-events';
import { type ConsultedDraft, requireDraft, requireUndecided } from './decision-draft-guards';
import { DECISION_PUBLICATION_ITEM_TYPES } from './publication-items';

/** The content a reviewer approves for feedback: one version of the report on one consultation. */
export const feedbackContentHash = (draftId: string, feedbackVersion: number, report: FeedbackReport): string => contentHash({ draftId, feedbackVersion, report });

/** Feedback is given on a closed consultation that is still to be decided, and only once. */
const requireClosedConsultation = (state: DecisionDraftState, draftId: string, context: DecideContext): ConsultedDraft => {
  const draft = requireDraft(state, draftId);
  requireStaffFor(context, draft.agencyCode, draft.content.departmentCode);
  requireUndecided(draft);
  const consultation = draft.consultation;
  if (!consultation?.published) throw conflict('NO_CONSULTATION', `Decision draft ${draftId} has not been out for consultation.`);
  if (consultationPhaseAt(consultation.terms, context.now) !== 'CLOSED') {
    throw badInput('CONSULTATION_NOT_CLOSED', `The consultation on decision draft ${draftId} runs until ${consultation.terms.closesOn}: comments are disposed of after it closes.`);
  }
  if (draft.feedback.publishedVersion !== undefined) throw conflict('FEEDBACK_ALREADY_PUBLISHED', `The feedback on decision draft ${draftId} has been published and is final.`);
  return { ...draft, consultation };
};

/** Disposes of one comment or a group of them with one reason; a later disposal of a comment replaces an earlier one. */
export const disposeComments = (command: DecisionDraftCommandOf<'DisposeConsultationComments'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireClosedConsultation(state, command.data.draftId, context);
  const commentIds = requireList('commentIds', command.data.commentIds, { min: 1, max: 1000 }, (id, i) => requireText(`commentIds[${i}]`, id, { max: 128 }));
  const unknown = commentIds.filter((id) => !draft.comments.has(id));
  if (unknown.length > 0) throw badInput('UNKNOWN_COMMENT', `Decision draft ${draft.draftId} has no comment ${unknown[0]}.`, { field: 'commentIds', commentId: unknown[0] });
  const disposition = requireOneOf('disposition', command.data.disposition, DISPOSITIONS);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const pendingReviewId = draft.feedback.pending?.reviewId;
  return [
    {
      type: 'ConsultationCommentsDisposed',
      data: {
        draftId: draft.draftId,
        group: draft.disposals + 1,
        commentIds: [...new Set(commentIds)],
        disposition,
        reason,
        disposedAt: context.now.toISOString(),
        ...(pendingReviewId ? { withdrawnReviewId: pendingReviewId } : {}),
      },
    },
  ];
};

export const requestFeedbackPublication = (command: DecisionDraftCommandOf<'RequestFeedbackPublication'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireClosedConsultation(state, command.data.draftId, context);
  if (draft.feedback.pending) throw conflict('REVIEW_ALREADY_PENDING', `The feedback on decision draft ${draft.draftId} is already waiting for review.`);
  // Every comment the public can see is answered for; hidden ones are counted, with the reason shown.
  const undisposed = undisposedVisibleComments(draft.comments);
  if (undisposed > 0) {
    throw badInput('UNDISPOSED_COMMENTS', `${undisposed} visible comment(s) on decision draft ${draft.draftId} have not been disposed of: the feedback cannot be published yet.`, {
      undisposed,
    });
  }
  const feedbackVersion = draft.feedback.requests + 1;
  const report = feedbackReportOf(draft.comments);
  const hash = feedbackContentHash(draft.draftId, feedbackVersion, report);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: DECISION_PUBLICATION_ITEM_TYPES.consultationFeedback,
    itemId: draft.draftId,
    itemVersion: feedbackVersion,
    contentHash: hash,
    title: `${draft.content.title}（意见采纳情况反馈）`,
    agencyCode: draft.agencyCode,
    departmentCode: draft.content.departmentCode,
    requestedBy: context.actor.id,
  };
  return [{ type: 'FeedbackPublicationRequested', data: { draftId: draft.draftId, feedbackVersion, report, contentHash: hash, publicationRequest } }];
};

/** 先审查、后公开: only the report a reviewer approved is published, and only while it still holds. */
export const publishReviewedFeedback = (command: DecisionDraftCommandOf<'PublishReviewedFeedback'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  requireRole(context.actor, 'system');
  const draft = requireDraft(state, command.data.draftId);
  if (draft.feedback.publishedVersion === command.data.version) return []; // already done: a redelivery
  const pending = draft.feedback.pending;
  const current =
    draft.status === 'DRAFT' &&
    pending !== undefined &&
    pending.reviewId === command.data.reviewId &&
    pending.version === command.data.version &&
    pending.contentHash === command.data.contentHash &&
    feedbackContentHash(draft.draftId, pending.version, feedbackReportOf(draft.comments)) === command.data.contentHash;
  if (!current) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `The feedback on decision draft ${draft.draftId} changed after version ${command.data.version} was reviewed: nothing was published.`);
  }
  return [
    {
      type: 'FeedbackPublished',
      data: { draftId: draft.draftId, feedbackVersion: command.data.version, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};
