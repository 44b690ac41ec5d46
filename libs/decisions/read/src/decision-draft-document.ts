import type { Adoption, ConsultationTerms, DecisionStage, Disposition, DraftContent, FeedbackReport, SealedContact } from '@gongkai/decisions/domain';
import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';

export const DECISION_DRAFTS = 'decision_drafts';
export const CONSULTATION_COMMENTS = 'consultation_comments';

export interface DraftRevisionEntry {
  readonly version: number;
  readonly changeSummary: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** The consultation with the draft exactly as it was submitted for review and shown to the public. */
export interface ConsultationEntry {
  readonly terms: ConsultationTerms;
  readonly draftVersion: number;
  readonly content: DraftContent;
  readonly reviewId: string;
  readonly contentHash: string;
  readonly requestedAt: string;
  /** Null while the review is pending. */
  readonly publishedAt: string | null;
}

export interface FeedbackEntry {
  readonly version: number;
  readonly report: FeedbackReport;
  readonly reviewId: string;
  readonly contentHash: string;
  readonly requestedAt: string;
  readonly publishedAt: string | null;
}

/** One decision draft as staff and (through `consultation`, `publishedFeedback`, `adoption`) the public read it. */
export interface DecisionDraftDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly status: DecisionStage;
  readonly version: number;
  readonly content: DraftContent;
  readonly revisions: readonly DraftRevisionEntry[];
  readonly consultation: ConsultationEntry | null;
  /** Every comment received, hidden ones included. */
  readonly commentCount: number;
  readonly hiddenCount: number;
  readonly pendingFeedback: FeedbackEntry | null;
  readonly publishedFeedback: FeedbackEntry | null;
  readonly adoption: Adoption | null;
  readonly normativeDocumentId: string | null;
  readonly withdrawal: { readonly reason: string; readonly withdrawnAt: string } | null;
  /** The instant of the adoption (its `adoptedOn` is a day), so that a point in time knows whether it had happened. */
  readonly adoptedAt?: string | null;
  /** The consultation as published, for `asOfInstant`; a withdrawal does not end it (the public keeps seeing what was consulted on). */
  readonly consultationHistory?: PublicationHistory<ConsultationEntry>;
  /** Every feedback report published, each until the next replaced it, for `asOfInstant`. */
  readonly feedbackHistory?: PublicationHistory<FeedbackEntry>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One comment. `contact` is ciphertext, opened only for the handling staff. */
export interface ConsultationCommentDocument extends ReadDocument {
  readonly _id: string;
  readonly draftId: string;
  readonly agencyCode: string;
  readonly content: string;
  readonly authorName: string;
  readonly contact: SealedContact | null;
  readonly submittedAt: string;
  readonly hidden: boolean;
  readonly hiddenReason: string | null;
  readonly hiddenAt: string | null;
  /** The current disposal, as staff are working on it. */
  readonly disposal: { readonly group: number; readonly disposition: Disposition; readonly reason: string; readonly disposedAt: string } | null;
  /** The disposal the public was told of, in the published feedback. */
  readonly publishedDisposal: { readonly disposition: Disposition; readonly reason: string } | null;
}
