import type { ActivityDetails, ActivityOutcome } from '@gongkai/participation/domain';
import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';

export const OUTREACH_ACTIVITIES = 'participation.outreach-activities';

/** The version the public sees, exactly as the reviewer approved it. */
export interface PublishedActivity {
  readonly version: number;
  readonly details: ActivityDetails;
  readonly outcome: ActivityOutcome | null;
  readonly contentHash: string;
  readonly reviewId: string;
  readonly publishedAt: string;
  /** When the announcement was first published. */
  readonly firstPublishedAt: string;
}

/** One outreach activity (宣传教育活动): its current version for the bureau, and its published one for everyone. */
export interface OutreachActivityDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly status: 'PENDING_REVIEW' | 'PUBLISHED';
  readonly version: number;
  readonly details: ActivityDetails;
  readonly outcome: ActivityOutcome | null;
  readonly pendingReviewId: string | null;
  readonly published: PublishedActivity | null;
  /** The published date, apart, so that the public list by date is one indexed range. */
  readonly publishedDate: string | null;
  /** Each published version with the period the public saw it (point in time): the announcement, then each outcome record. */
  readonly publicationHistory?: PublicationHistory<PublishedActivity>;
  readonly createdAt: string;
  readonly updatedAt: string;
}
