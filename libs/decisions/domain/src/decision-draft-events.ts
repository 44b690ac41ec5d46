import type { LocalDate } from '@gongkai/calendar';
import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { CommentRecord, Disposition, FeedbackReport, SealedContact } from './consultation-comment';
import type { ConsultationTerms } from './consultation-terms';
import type { Adoption } from './decision-adoption';
import type { DecisionKind, DraftContent } from './decision-draft';
import type { NormativeDocumentEntry } from './normative-document';

type Withdrawal = Partial<ReviewWithdrawalMarker>;

/** A major decision (重大行政决策) from draft through consultation and feedback to adoption. */
export type DecisionDraftEvent =
  | { type: 'DecisionDraftCreated'; data: { draftId: string; agencyCode: string; version: 1; content: DraftContent } }
  | { type: 'DecisionDraftRevised'; data: { draftId: string; version: number; content: DraftContent; changeSummary: string } & Withdrawal }
  | { type: 'ConsultationRequested'; data: { draftId: string; draftVersion: number; terms: ConsultationTerms; contentHash: string } & PublicationRequestMarker & Withdrawal }
  | { type: 'ConsultationPublished'; data: { draftId: string; draftVersion: number; contentHash: string; reviewId: string; publishedAt: string } }
  | { type: 'ConsultationCommentSubmitted'; data: { draftId: string; commentId: string; content: string; authorName: string; contact?: SealedContact; submittedAt: string } }
  | { type: 'ConsultationCommentHidden'; data: { draftId: string; commentId: string; reason: string; hiddenAt: string } & Withdrawal }
  | {
      type: 'ConsultationCommentsDisposed';
      data: { draftId: string; group: number; commentIds: string[]; disposition: Disposition; reason: string; disposedAt: string } & Withdrawal;
    }
  | { type: 'FeedbackPublicationRequested'; data: { draftId: string; feedbackVersion: number; report: FeedbackReport; contentHash: string } & PublicationRequestMarker }
  | { type: 'FeedbackPublished'; data: { draftId: string; feedbackVersion: number; contentHash: string; reviewId: string; publishedAt: string } }
  | {
      type: 'DecisionAdopted';
      data: { draftId: string; agencyCode: string; kind: DecisionKind; adoption: Adoption; normativeDocument?: NormativeDocumentEntry & { documentId: string } };
    }
  | { type: 'DecisionWithdrawn'; data: { draftId: string; reason: string; withdrawnAt: string } & Withdrawal };

export const DECISION_STAGES = ['DRAFT', 'ADOPTED', 'WITHDRAWN'] as const;
export type DecisionStage = (typeof DECISION_STAGES)[number];

/** A review the gate holds for exactly one version of one content. */
export interface PendingReview {
  readonly reviewId: string;
  readonly contentHash: string;
  readonly version: number;
}

export interface ConsultationRecord {
  readonly terms: ConsultationTerms;
  readonly draftVersion: number;
  readonly contentHash: string;
  readonly reviewId: string;
  /** False while the review is pending: nobody outside the bureau sees it yet. */
  readonly published: boolean;
}

export interface FeedbackRecord {
  /** Publication requests so far; the next one is version `requests + 1`. */
  readonly requests: number;
  readonly pending?: PendingReview;
  readonly publishedVersion?: number;
}

export interface DecisionDraft {
  readonly status: DecisionStage;
  readonly draftId: string;
  readonly agencyCode: string;
  readonly version: number;
  readonly content: DraftContent;
  readonly consultation?: ConsultationRecord;
  /** In the order received. */
  readonly comments: ReadonlyMap<string, CommentRecord>;
  /** Disposal acts so far: the next group number is `disposals + 1`. */
  readonly disposals: number;
  readonly feedback: FeedbackRecord;
  readonly adoptedOn?: LocalDate;
}

export type DecisionDraftState = { status: 'NONE' } | DecisionDraft;

export const initialDecisionDraftState = (): DecisionDraftState => ({ status: 'NONE' });

const withComment = (draft: DecisionDraft, commentId: string, change: (comment: CommentRecord) => CommentRecord): ReadonlyMap<string, CommentRecord> => {
  const current = draft.comments.get(commentId);
  return current ? new Map(draft.comments).set(commentId, change(current)) : draft.comments;
};

/** A change to the comments changes the report under review: the gate drops that review. */
const dropPendingFeedback = (feedback: FeedbackRecord): FeedbackRecord => ({ requests: feedback.requests, publishedVersion: feedback.publishedVersion });

export const evolveDecisionDraft = (state: DecisionDraftState, event: DecisionDraftEvent): DecisionDraftState => {
  if (event.type === 'DecisionDraftCreated') {
    const { draftId, agencyCode, content } = event.data;
    return { status: 'DRAFT', draftId, agencyCode, version: 1, content, comments: new Map(), disposals: 0, feedback: { requests: 0 } };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'DecisionDraftRevised':
      // A pending consultation review was for the replaced version: it is gone with it.
      return { ...state, version: event.data.version, content: event.data.content, consultation: state.consultation?.published ? state.consultation : undefined };
    case 'ConsultationRequested': {
      const { terms, draftVersion, contentHash, publicationRequest } = event.data;
      return { ...state, consultation: { terms, draftVersion, contentHash, reviewId: publicationRequest.reviewId, published: false } };
    }
    case 'ConsultationPublished':
      return state.consultation ? { ...state, consultation: { ...state.consultation, published: true } } : state;
    case 'ConsultationCommentSubmitted':
      return { ...state, comments: new Map(state.comments).set(event.data.commentId, { hidden: false }) };
    case 'ConsultationCommentHidden':
      return { ...state, comments: withComment(state, event.data.commentId, (c) => ({ ...c, hidden: true })), feedback: dropPendingFeedback(state.feedback) };
    case 'ConsultationCommentsDisposed': {
      const { group, disposition, reason } = event.data;
      const comments = new Map(state.comments);
      for (const id of event.data.commentIds) {
        const current = comments.get(id);
        if (current) comments.set(id, { ...current, disposal: { group, disposition, reason } });
      }
      return { ...state, comments, disposals: Math.max(state.disposals, group), feedback: dropPendingFeedback(state.feedback) };
    }
    case 'FeedbackPublicationRequested': {
      const { feedbackVersion, contentHash, publicationRequest } = event.data;
      return { ...state, feedback: { ...state.feedback, requests: feedbackVersion, pending: { reviewId: publicationRequest.reviewId, contentHash, version: feedbackVersion } } };
    }
    case 'FeedbackPublished':
      return { ...state, feedback: { requests: state.feedback.requests, publishedVersion: event.data.feedbackVersion } };
    case 'DecisionAdopted':
      return { ...state, status: 'ADOPTED', adoptedOn: event.data.adoption.adoptedOn };
    case 'DecisionWithdrawn':
      return {
        ...state,
        status: 'WITHDRAWN',
        consultation: state.consultation?.published ? state.consultation : undefined,
        feedback: dropPendingFeedback(state.feedback),
      };
  }
};
