import { PUBLICATION_REVIEW_APPROVED, type PublicationSubject, REVIEWED_ITEM_TYPES } from '@gongkai/contracts';
import { assertNever, badInput, conflict, type DecideContext, type Decider, forbidden, notFound, requireAgencyScope, requireInteger, requireOneOf, requireRole, requireText } from '@gongkai/kernel';
import {
  evolvePublicationReview,
  initialPublicationReviewState,
  type PublicationReviewEvent,
  type PublicationReviewState,
} from './publication-review-events';

export type PublicationReviewCommand =
  | { type: 'OpenPublicationReview'; data: { subject: PublicationSubject } }
  | { type: 'ApprovePublicationReview'; data: { reviewId: string; comment?: string } }
  | {
      type: 'RejectPublicationReview';
      data: { reviewId: string; reason: string; negativeListItemCode?: string; negativeListVersion?: number; noNegativeListItemReason?: string };
    }
  | { type: 'SupersedePublicationReview'; data: { reviewId: string; reason: string } }
  | { type: 'RecordReviewedVersionPublished'; data: { reviewId: string } };

type Existing = Exclude<PublicationReviewState, { status: 'NONE' }>;

const requireReview = (state: PublicationReviewState, reviewId: string): Existing => {
  if (state.status === 'NONE') throw notFound('REVIEW_NOT_FOUND', `There is no publication review ${reviewId}.`);
  return state;
};

/** A reviewer decides only a pending review, never their own request (four eyes). */
const requireDecidable = (review: Existing, context: DecideContext): void => {
  requireRole(context.actor, 'reviewer');
  requireAgencyScope(context.actor, review.subject.agencyCode);
  if (review.status === 'SUPERSEDED') {
    throw conflict('REVIEW_SUPERSEDED', `The item changed after version ${review.subject.itemVersion} was submitted: this review is superseded and cannot be decided.`);
  }
  if (review.status !== 'PENDING') throw conflict('REVIEW_ALREADY_DECIDED', `Publication review ${review.reviewId} is already ${review.status.toLowerCase()}.`);
  if (review.subject.requestedBy === context.actor.id) {
    throw forbidden('OWN_REQUEST', 'A reviewer may not decide a publication they requested themselves.');
  }
};

const open = (command: Extract<PublicationReviewCommand, { type: 'OpenPublicationReview' }>, state: PublicationReviewState, context: DecideContext): PublicationReviewEvent[] => {
  requireRole(context.actor, 'system');
  if (state.status !== 'NONE') return []; // the same request delivered again opens nothing new
  const subject = command.data.subject;
  // A kind no context publishes could never be published once approved: refused, the gate's consumer parks the request where an operator sees it.
  requireOneOf('subject.itemType', subject.itemType, REVIEWED_ITEM_TYPES);
  return [{ type: 'PublicationReviewOpened', data: { reviewId: subject.reviewId, subject, openedAt: context.now.toISOString() } }];
};

const approve = (command: Extract<PublicationReviewCommand, { type: 'ApprovePublicationReview' }>, state: PublicationReviewState, context: DecideContext): PublicationReviewEvent[] => {
  const review = requireReview(state, command.data.reviewId);
  requireDecidable(review, context);
  const comment = requireText('comment', command.data.comment, { max: 2000, optional: true });
  return [
    {
      type: PUBLICATION_REVIEW_APPROVED,
      data: { reviewId: review.reviewId, subject: review.subject, approvedBy: context.actor.id, ...(comment ? { comment } : {}), approvedAt: context.now.toISOString() },
    },
  ];
};

/**
 * A rejection cites the negative-list item it relies on, or says why none applies (负面清单以外的
 * 事项原则上都要公开: withholding something the list does not name needs its own reason).
 */
const requireNegativeListCitation = (
  data: Extract<PublicationReviewCommand, { type: 'RejectPublicationReview' }>['data'],
): { negativeListItemCode?: string; negativeListVersion?: number; noNegativeListItemReason?: string } => {
  const code = requireText('negativeListItemCode', data.negativeListItemCode, { max: 32, optional: true });
  const noItemReason = requireText('noNegativeListItemReason', data.noNegativeListItemReason, { max: 2000, optional: true });
  if (code && noItemReason) throw badInput('NEGATIVE_LIST_CITATION_AMBIGUOUS', 'Cite a negative-list item or say why none applies, not both.', { field: 'noNegativeListItemReason' });
  if (!code && !noItemReason) {
    throw badInput('NEGATIVE_LIST_CITATION_REQUIRED', 'A rejection cites the negative-list item it relies on (negativeListItemCode), or says why none applies (noNegativeListItemReason).', {
      field: 'negativeListItemCode',
    });
  }
  if (!code) return { noNegativeListItemReason: noItemReason };
  const version = data.negativeListVersion === undefined || data.negativeListVersion === null ? undefined : requireInteger('negativeListVersion', data.negativeListVersion, { min: 1, max: 1_000_000 });
  return { negativeListItemCode: code.toUpperCase(), ...(version === undefined ? {} : { negativeListVersion: version }) };
};

const reject = (command: Extract<PublicationReviewCommand, { type: 'RejectPublicationReview' }>, state: PublicationReviewState, context: DecideContext): PublicationReviewEvent[] => {
  const review = requireReview(state, command.data.reviewId);
  requireDecidable(review, context);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const citation = requireNegativeListCitation(command.data);
  return [
    {
      type: 'PublicationReviewRejected',
      data: {
        reviewId: review.reviewId,
        subject: review.subject,
        rejectedBy: context.actor.id,
        reason,
        ...citation,
        rejectedAt: context.now.toISOString(),
      },
    },
  ];
};

/** The reviewed content is gone (revised, retired, or changed before the approval took effect). */
const supersede = (command: Extract<PublicationReviewCommand, { type: 'SupersedePublicationReview' }>, state: PublicationReviewState, context: DecideContext): PublicationReviewEvent[] => {
  requireRole(context.actor, 'system');
  const review = requireReview(state, command.data.reviewId);
  if (review.status !== 'PENDING' && review.status !== 'APPROVED') return [];
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  return [{ type: 'PublicationReviewSuperseded', data: { reviewId: review.reviewId, subject: review.subject, reason, supersededAt: context.now.toISOString() } }];
};

const recordPublished = (
  command: Extract<PublicationReviewCommand, { type: 'RecordReviewedVersionPublished' }>,
  state: PublicationReviewState,
  context: DecideContext,
): PublicationReviewEvent[] => {
  requireRole(context.actor, 'system');
  const review = requireReview(state, command.data.reviewId);
  if (review.status === 'PUBLISHED') return [];
  if (review.status !== 'APPROVED') throw conflict('REVIEW_NOT_APPROVED', `Publication review ${review.reviewId} is ${review.status.toLowerCase()}, not approved.`);
  return [{ type: 'ReviewedVersionPublished', data: { reviewId: review.reviewId, subject: review.subject, publishedAt: context.now.toISOString() } }];
};

export const decidePublicationReview = (command: PublicationReviewCommand, state: PublicationReviewState, context: DecideContext): PublicationReviewEvent[] => {
  switch (command.type) {
    case 'OpenPublicationReview':
      return open(command, state, context);
    case 'ApprovePublicationReview':
      return approve(command, state, context);
    case 'RejectPublicationReview':
      return reject(command, state, context);
    case 'SupersedePublicationReview':
      return supersede(command, state, context);
    case 'RecordReviewedVersionPublished':
      return recordPublished(command, state, context);
    default:
      return assertNever(command);
  }
};

export const publicationReviewDecider: Decider<PublicationReviewCommand, PublicationReviewEvent, PublicationReviewState> = {
  initialState: initialPublicationReviewState,
  decide: decidePublicationReview,
  evolve: evolvePublicationReview,
};
