import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { LocalDate } from '@gongkai/kernel';

/** 宣传教育活动: what the bureau announces before an outreach activity. */
export interface ActivityDetails {
  readonly title: string;
  readonly date: LocalDate;
  readonly place: string;
  readonly organiser: string;
  readonly description: string;
  /** The responsible department (责任科室). */
  readonly departmentCode: string;
}

/** What happened, recorded afterwards. */
export interface ActivityOutcome {
  readonly participants: number;
  readonly summary: string;
  readonly recordedOn: LocalDate;
}

/** Every version (the announcement, then each outcome record) passes the review gate before the public sees it. */
export type OutreachActivityEvent =
  | { type: 'OutreachActivityAnnounced'; data: { activityId: string; agencyCode: string; version: 1; details: ActivityDetails; contentHash: string } & PublicationRequestMarker }
  | {
      type: 'OutreachActivityOutcomeRecorded';
      data: { activityId: string; version: number; outcome: ActivityOutcome; contentHash: string } & PublicationRequestMarker & Partial<ReviewWithdrawalMarker>;
    }
  | { type: 'OutreachActivityPublished'; data: { activityId: string; version: number; contentHash: string; reviewId: string; publishedAt: string } };

export type OutreachActivityState =
  | { status: 'NONE' }
  | {
      status: 'PENDING_REVIEW' | 'PUBLISHED';
      activityId: string;
      agencyCode: string;
      version: number;
      details: ActivityDetails;
      outcome?: ActivityOutcome;
      pendingReviewId?: string;
      pendingContentHash?: string;
      publishedVersion?: number;
    };

export const initialOutreachActivityState = (): OutreachActivityState => ({ status: 'NONE' });

export const evolveOutreachActivity = (state: OutreachActivityState, event: OutreachActivityEvent): OutreachActivityState => {
  switch (event.type) {
    case 'OutreachActivityAnnounced':
      return {
        status: 'PENDING_REVIEW',
        activityId: event.data.activityId,
        agencyCode: event.data.agencyCode,
        version: 1,
        details: event.data.details,
        pendingReviewId: event.data.publicationRequest.reviewId,
        pendingContentHash: event.data.contentHash,
      };
    case 'OutreachActivityOutcomeRecorded':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        status: 'PENDING_REVIEW',
        version: event.data.version,
        outcome: event.data.outcome,
        pendingReviewId: event.data.publicationRequest.reviewId,
        pendingContentHash: event.data.contentHash,
      };
    case 'OutreachActivityPublished':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'PUBLISHED', publishedVersion: event.data.version, pendingReviewId: undefined, pendingContentHash: undefined };
  }
};
