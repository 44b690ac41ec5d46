import type { ReadDocument } from '@gongkai/read-store';
import type { ReviewStatus } from '@gongkai/oversight/domain';

export const PUBLICATION_REVIEWS = 'publication_reviews';

/** A confidentiality review as reviewers and the office list them. */
export interface PublicationReviewDocument extends ReadDocument {
  readonly _id: string;
  readonly itemType: string;
  readonly itemId: string;
  readonly itemVersion: number;
  readonly contentHash: string;
  readonly title: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly requestedBy: string;
  readonly status: ReviewStatus;
  readonly openedAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly comment: string | null;
  readonly reason: string | null;
  readonly negativeListItemCode: string | null;
  readonly negativeListVersion?: number | null;
  readonly noNegativeListItemReason?: string | null;
  readonly publishedAt: string | null;
}
