import type { PublicationSubject } from '@gongkai/contracts';
import { REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { compareLocalDates, localDateOf } from '@gongkai/calendar';
import { badInput, conflict, type DecideContext, notFound, requireRole, requireStaffFor, requireText } from '@gongkai/kernel';
import { requireSealedContact, validateComment } from './consultation-comment';
import { consultationPhaseAt, validateConsultationTerms } from './consultation-terms';
import type { DecisionDraftCommandOf } from './decision-draft-commands';
import type { DecisionDraftEvent, DecisionDraftState } from './decision-draft-events';
import {
  consultationContentHash,
  requireCurrentVersion,
  requireDraft,
  requirePublishedConsultation,
  requireUndecided,
} from './decision-draft-guards';
import { DECISION_PUBLICATION_ITEM_TYPES } from './publication-items';

/**
 * Asks the review gate to publish the draft with these terms. A request while another is pending
 * replaces it (new dates, say): the old review is withdrawn in the same event.
 */
export const requestConsultation = (command: DecisionDraftCommandOf<'RequestConsultation'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireDraft(state, command.data.draftId);
  requireStaffFor(context, draft.agencyCode, draft.content.departmentCode);
  requireUndecided(draft);
  requireCurrentVersion(draft, command.data.expectedVersion);
  if (draft.consultation?.published) throw conflict('CONSULTATION_ALREADY_PUBLISHED', `The consultation on decision draft ${draft.draftId} has already been published.`);
  const terms = validateConsultationTerms(command.data.terms, localDateOf(context.now));
  const hash = consultationContentHash(draft.draftId, draft.version, draft.content, terms);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: DECISION_PUBLICATION_ITEM_TYPES.consultationDraft,
    itemId: draft.draftId,
    itemVersion: draft.version,
    contentHash: hash,
    title: draft.content.title,
    agencyCode: draft.agencyCode,
    departmentCode: draft.content.departmentCode,
    requestedBy: context.actor.id,
  };
  const replaced = draft.consultation?.reviewId;
  return [
    {
      type: 'ConsultationRequested',
      data: { draftId: draft.draftId, draftVersion: draft.version, terms, contentHash: hash, publicationRequest, ...(replaced ? { withdrawnReviewId: replaced } : {}) },
    },
  ];
};

/** 先审查、后公开: only the version, content and terms a reviewer approved are published. */
export const publishReviewedConsultation = (
  command: DecisionDraftCommandOf<'PublishReviewedConsultation'>,
  state: DecisionDraftState,
  context: DecideContext,
): DecisionDraftEvent[] => {
  requireRole(context.actor, 'system');
  const draft = requireDraft(state, command.data.draftId);
  const consultation = draft.consultation;
  if (consultation?.published && consultation.reviewId === command.data.reviewId) return []; // already done: a redelivery
  const current =
    draft.status === 'DRAFT' &&
    consultation !== undefined &&
    !consultation.published &&
    consultation.reviewId === command.data.reviewId &&
    consultation.draftVersion === command.data.version &&
    consultation.contentHash === command.data.contentHash &&
    draft.version === command.data.version &&
    consultationContentHash(draft.draftId, draft.version, draft.content, consultation.terms) === command.data.contentHash;
  if (!current) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `Decision draft ${draft.draftId} changed after version ${command.data.version} was reviewed: nothing was published.`);
  }
  // An approval that comes after the opening day would publish a period the public never had.
  const today = localDateOf(context.now);
  if (compareLocalDates(today, consultation.terms.opensOn) > 0) {
    throw conflict(
      REVIEWED_VERSION_OUTDATED,
      `The consultation on decision draft ${draft.draftId} was to open on ${consultation.terms.opensOn}, before it was approved: request it again with new dates.`,
    );
  }
  return [
    {
      type: 'ConsultationPublished',
      data: { draftId: draft.draftId, draftVersion: draft.version, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};

/** Anyone may comment while the consultation is open; the contact arrives, and stays, encrypted. */
export const submitComment = (command: DecisionDraftCommandOf<'SubmitConsultationComment'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requirePublishedConsultation(state, command.data.draftId);
  const { terms } = draft.consultation;
  if (draft.status === 'WITHDRAWN') throw conflict('DECISION_WITHDRAWN', `Decision ${draft.draftId} has been withdrawn: its consultation has ended.`);
  // Interim Regulations on Major Administrative Decision-Making Procedures, Art. 15: comments are
  // taken within the announced period, 00:00 of the opening day to 24:00 of the closing day.
  if (consultationPhaseAt(terms, context.now) !== 'OPEN') {
    throw badInput('COMMENT_OUTSIDE_OPEN_PERIOD', `Comments are taken from ${terms.opensOn} to ${terms.closesOn} (Asia/Shanghai) only.`, {
      opensOn: terms.opensOn,
      closesOn: terms.closesOn,
    });
  }
  if (draft.comments.has(command.data.commentId)) throw conflict('COMMENT_EXISTS', `Comment ${command.data.commentId} already exists.`);
  const comment = validateComment(command.data);
  const contact = requireSealedContact(command.data.contact, command.data.commentId);
  return [
    {
      type: 'ConsultationCommentSubmitted',
      data: {
        draftId: draft.draftId,
        commentId: command.data.commentId,
        content: comment.content,
        authorName: comment.authorName,
        ...(contact ? { contact } : {}),
        submittedAt: context.now.toISOString(),
      },
    },
  ];
};

/** Moderation hides a comment with a published reason; nothing is ever deleted. */
export const hideComment = (command: DecisionDraftCommandOf<'HideConsultationComment'>, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  const draft = requireDraft(state, command.data.draftId);
  requireStaffFor(context, draft.agencyCode, draft.content.departmentCode);
  const comment = draft.comments.get(command.data.commentId);
  if (!comment) throw notFound('COMMENT_NOT_FOUND', `There is no comment ${command.data.commentId} on decision draft ${draft.draftId}.`);
  if (comment.hidden) throw conflict('COMMENT_ALREADY_HIDDEN', `Comment ${command.data.commentId} is already hidden.`);
  const reason = requireText('reason', command.data.reason, { max: 500 });
  const pendingReviewId = draft.feedback.pending?.reviewId;
  return [
    {
      type: 'ConsultationCommentHidden',
      data: { draftId: draft.draftId, commentId: command.data.commentId, reason, hiddenAt: context.now.toISOString(), ...(pendingReviewId ? { withdrawnReviewId: pendingReviewId } : {}) },
    },
  ];
};
