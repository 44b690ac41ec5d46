import type { DocumentStage, InterpretationContent, InterpretationStatus } from '@gongkai/interpretations/domain';
import type { LocalDate } from '@gongkai/kernel';
import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';

export const POLICY_DOCUMENTS = 'interpretation_policy_documents';
export const INTERPRETATIONS = 'interpretations';

/** How the document's interpretation obligation was met: by its first published interpretation. */
export interface ObligationMet {
  readonly interpretationId: string;
  readonly publishedOn: LocalDate;
  readonly onTime: boolean;
}

/** A policy document as this context knows it, with its interpretation obligation once published. Internal. */
export interface PolicyDocumentDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly stage: DocumentStage;
  readonly publishedOn: LocalDate | null;
  readonly interpretationDueOn: LocalDate | null;
  /** False: published with no interpretation submitted — the flag raised at publication. */
  readonly interpretationSubmitted: boolean | null;
  readonly met: ObligationMet | null;
  readonly interpretationCount: number;
  readonly withdrawal: { readonly reason: string; readonly withdrawnAt: string } | null;
  readonly updatedAt: string;
}

/** The version the public sees, exactly as the reviewer approved it, with the document as it was published. */
export interface PublishedInterpretation {
  readonly version: number;
  readonly content: InterpretationContent;
  readonly contentHash: string;
  readonly reviewId: string;
  readonly publishedAt: string;
  readonly publishedOn: LocalDate;
  readonly document: { readonly title: string; readonly documentNumber: string | null };
}

/** One interpretation, as staff and (through `published`) the public read it. */
export interface InterpretationDocument extends ReadDocument {
  readonly _id: string;
  readonly documentId: string;
  readonly agencyCode: string;
  readonly status: InterpretationStatus;
  readonly version: number;
  readonly content: InterpretationContent;
  readonly pendingReviewId: string | null;
  readonly published: PublishedInterpretation | null;
  /** Whether it first came out within the three working days: recorded once, never recomputed. */
  readonly firstPublication: { readonly publishedOn: LocalDate; readonly interpretationDueOn: LocalDate; readonly onTime: boolean } | null;
  /** Every published version with the period it was public, for `asOfInstant`; a newer publication ends the one before. */
  readonly publicationHistory?: PublicationHistory<PublishedInterpretation>;
  readonly createdAt: string;
  readonly updatedAt: string;
}
