import type { PublicationReviewApprovedData, PublicationSubject } from '@gongkai/contracts';

/**
 * A confidentiality review (保密审查) of exactly one item, version and content hash
 * (先审查、后公开, 一事一审).
 */
export type PublicationReviewEvent =
  | { type: 'PublicationReviewOpened'; data: { reviewId: string; subject: PublicationSubject; openedAt: string } }
  | { type: 'PublicationReviewApproved'; data: PublicationReviewApprovedData & { approvedAt: string } }
  | {
      type: 'PublicationReviewRejected';
      data: {
        reviewId: string;
        subject: PublicationSubject;
        rejectedBy: string;
        reason: string;
        /** The negative-list (负面清单) item the rejection relies on, and the list version it was read in. */
        negativeListItemCode?: string;
        negativeListVersion?: number;
        /** Why no item of the negative list applies, when none is cited. */
        noNegativeListItemReason?: string;
        rejectedAt: string;
      };
    }
  | { type: 'PublicationReviewSuperseded'; data: { reviewId: string; subject: PublicationSubject; reason: string; supersededAt: string } }
  | { type: 'ReviewedVersionPublished'; data: { reviewId: string; subject: PublicationSubject; publishedAt: string } };

export type ReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED' | 'PUBLISHED';

export type PublicationReviewState =
  | { status: 'NONE' }
  | { status: ReviewStatus; reviewId: string; subject: PublicationSubject; decidedBy?: string };

export const initialPublicationReviewState = (): PublicationReviewState => ({ status: 'NONE' });

export const evolvePublicationReview = (state: PublicationReviewState, event: PublicationReviewEvent): PublicationReviewState => {
  switch (event.type) {
    case 'PublicationReviewOpened':
      return { status: 'PENDING', reviewId: event.data.reviewId, subject: event.data.subject };
    case 'PublicationReviewApproved':
      return state.status === 'NONE' ? state : { ...state, status: 'APPROVED', decidedBy: event.data.approvedBy };
    case 'PublicationReviewRejected':
      return state.status === 'NONE' ? state : { ...state, status: 'REJECTED', decidedBy: event.data.rejectedBy };
    case 'PublicationReviewSuperseded':
      return state.status === 'NONE' ? state : { ...state, status: 'SUPERSEDED' };
    case 'ReviewedVersionPublished':
      return state.status === 'NONE' ? state : { ...state, status: 'PUBLISHED' };
  }
};
