import type { LocalDate } from '@gongkai/calendar';
import type { CleanupConclusion, CleanupResults } from '@gongkai/decisions/domain';
import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';

export const NORMATIVE_DOCUMENTS = 'normative_documents';
export const CLEANUP_CAMPAIGNS = 'cleanup_campaigns';

/** One entry of the public register of normative documents (规范性文件). Its status is derived on reading. */
export interface NormativeDocumentDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly number: string;
  readonly title: string;
  readonly issuingDepartmentCode: string;
  readonly issuedOn: LocalDate;
  readonly effectiveOn: LocalDate;
  readonly validityYears: number;
  readonly validUntil: LocalDate;
  readonly summary: string;
  /** `recordedAt`: when the register first showed it, for `asOfInstant`. */
  readonly amendments: readonly { readonly amendedOn: LocalDate; readonly summary: string; readonly recordedAt: string }[];
  /** The earliest amendment: a document is AMENDED on any day from then on. */
  readonly firstAmendedOn: LocalDate | null;
  readonly repealedOn: LocalDate | null;
  readonly repeal: { readonly reason: string; readonly campaignId: string | null; readonly recordedAt: string } | null;
  readonly sourceDraftId: string | null;
  readonly registeredAt: string;
}

export interface CleanupItemEntry {
  readonly documentId: string;
  readonly number: string;
  readonly title: string;
  readonly conclusion: CleanupConclusion | null;
  readonly reason: string;
}

export const CLEANUP_STATUSES = ['OPEN', 'PENDING_REVIEW', 'PUBLISHED'] as const;
export type CleanupStatus = (typeof CLEANUP_STATUSES)[number];

/** Clean-up results as published, exactly as the reviewer approved them. */
export interface PublishedCleanupResults {
  readonly version: number;
  readonly results: CleanupResults;
  readonly contentHash: string;
  readonly publishedAt: string;
}

/** A clean-up campaign: staff see it at work; the public sees its published results. */
export interface CleanupCampaignDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly title: string;
  readonly openedOn: LocalDate;
  readonly items: readonly CleanupItemEntry[];
  readonly status: CleanupStatus;
  readonly pendingReviewId: string | null;
  readonly published: PublishedCleanupResults | null;
  readonly pendingResults: { readonly version: number; readonly results: CleanupResults; readonly contentHash: string } | null;
  /** Each published version of the results with the period the public saw it (point in time); a later publication replaces it. */
  readonly publicationHistory?: PublicationHistory<PublishedCleanupResults>;
  readonly updatedAt: string;
}
