import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { LocalDate } from '@gongkai/kernel';
import type { InterpretationContent } from './interpretation-content';

type Withdrawal = Partial<ReviewWithdrawalMarker>;

/**
 * A policy document (政策文件) as this context knows it from the decisions context — a decision
 * draft, an adopted decision or a normative document — with the interpretations (政策解读) of it:
 * one stream per document, so that the three-working-day rule sees every interpretation at once.
 */
export type PolicyDocumentEvent =
  | { type: 'PolicyDocumentNoted'; data: { documentId: string; agencyCode: string; departmentCode: string; title: string } }
  | {
      type: 'PolicyDocumentPublished';
      data: {
        documentId: string;
        agencyCode: string;
        departmentCode: string;
        title: string;
        documentNumber: string;
        publishedOn: LocalDate;
        /** Null while the calendar year it falls in is not loaded: worked out again once it is. */
        interpretationDueOn: LocalDate | null;
        /** False: no interpretation was submitted with the document — flagged the moment it is published. */
        interpretationSubmitted: boolean;
      };
    }
  | { type: 'PolicyDocumentWithdrawn'; data: { documentId: string; reason: string; withdrawnAt: string } }
  | { type: 'InterpretationDrafted'; data: { documentId: string; interpretationId: string; agencyCode: string; version: 1; content: InterpretationContent } }
  | { type: 'InterpretationRevised'; data: { documentId: string; interpretationId: string; version: number; content: InterpretationContent } & Withdrawal }
  | { type: 'InterpretationPublicationRequested'; data: { documentId: string; interpretationId: string; version: number; contentHash: string } & PublicationRequestMarker }
  | { type: 'InterpretationHeldForDocument'; data: { documentId: string; interpretationId: string; version: number; contentHash: string; reviewId: string } }
  | {
      type: 'InterpretationPublished';
      data: {
        documentId: string;
        interpretationId: string;
        version: number;
        contentHash: string;
        reviewId: string;
        publishedAt: string;
        publishedOn: LocalDate;
        interpretationDueOn: LocalDate;
        onTime: boolean;
      };
    }
  | { type: 'InterpretationReviewWithdrawn'; data: { documentId: string; interpretationId: string; reason: string } & ReviewWithdrawalMarker };

/** KNOWN: a draft not yet published; the 3-day clock starts at PUBLISHED; a WITHDRAWN draft never will be. */
export const DOCUMENT_STAGES = ['KNOWN', 'PUBLISHED', 'WITHDRAWN'] as const;
export type DocumentStage = (typeof DOCUMENT_STAGES)[number];

/** DRAFT → PENDING_REVIEW → PUBLISHED; APPROVED when the reviewer approved before the document was published. */
export const INTERPRETATION_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'PUBLISHED'] as const;
export type InterpretationStatus = (typeof INTERPRETATION_STATUSES)[number];

export interface InterpretationRecord {
  readonly interpretationId: string;
  readonly status: InterpretationStatus;
  readonly version: number;
  readonly content: InterpretationContent;
  /** The review of the current version, while it is pending or approved and waiting for the document. */
  readonly review?: { readonly reviewId: string; readonly contentHash: string };
  readonly publishedVersion?: number;
}

export interface PolicyDocument {
  readonly status: DocumentStage;
  readonly documentId: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly title: string;
  readonly publishedOn?: LocalDate;
  readonly interpretationDueOn?: LocalDate;
  readonly interpretations: ReadonlyMap<string, InterpretationRecord>;
}

export type PolicyDocumentState = { status: 'NONE' } | PolicyDocument;

export const initialPolicyDocumentState = (): PolicyDocumentState => ({ status: 'NONE' });

const withInterpretation = (document: PolicyDocument, id: string, change: (record: InterpretationRecord) => InterpretationRecord): PolicyDocument => {
  const current = document.interpretations.get(id);
  return current ? { ...document, interpretations: new Map(document.interpretations).set(id, change(current)) } : document;
};

export const evolvePolicyDocument = (state: PolicyDocumentState, event: PolicyDocumentEvent): PolicyDocumentState => {
  if (event.type === 'PolicyDocumentNoted') {
    const { documentId, agencyCode, departmentCode, title } = event.data;
    return state.status === 'NONE' ? { status: 'KNOWN', documentId, agencyCode, departmentCode, title, interpretations: new Map() } : { ...state, departmentCode, title };
  }
  if (event.type === 'PolicyDocumentPublished') {
    const { documentId, agencyCode, departmentCode, title, publishedOn, interpretationDueOn } = event.data;
    const interpretations = state.status === 'NONE' ? new Map() : state.interpretations;
    return { status: 'PUBLISHED', documentId, agencyCode, departmentCode, title, publishedOn, interpretationDueOn: interpretationDueOn ?? undefined, interpretations };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PolicyDocumentWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'InterpretationDrafted': {
      const { interpretationId, content } = event.data;
      return { ...state, interpretations: new Map(state.interpretations).set(interpretationId, { interpretationId, status: 'DRAFT', version: 1, content }) };
    }
    case 'InterpretationRevised':
      return withInterpretation(state, event.data.interpretationId, (r) => ({ ...r, status: 'DRAFT', version: event.data.version, content: event.data.content, review: undefined }));
    case 'InterpretationPublicationRequested': {
      const review = { reviewId: event.data.publicationRequest.reviewId, contentHash: event.data.contentHash };
      return withInterpretation(state, event.data.interpretationId, (r) => ({ ...r, status: 'PENDING_REVIEW', review }));
    }
    case 'InterpretationHeldForDocument':
      return withInterpretation(state, event.data.interpretationId, (r) => ({ ...r, status: 'APPROVED' }));
    case 'InterpretationPublished':
      return withInterpretation(state, event.data.interpretationId, (r) => ({ ...r, status: 'PUBLISHED', publishedVersion: event.data.version, review: undefined }));
    case 'InterpretationReviewWithdrawn':
      return withInterpretation(state, event.data.interpretationId, (r) => ({ ...r, status: 'DRAFT', review: undefined }));
  }
};
