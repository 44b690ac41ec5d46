import type { SealedContact } from './consultation-comment';

type Input = Readonly<Record<string, unknown>>;

/** What staff, the public and the review gate ask of a decision draft. */
export type DecisionDraftCommand =
  | { type: 'CreateDecisionDraft'; data: { draftId: string; agencyCode: string; content: Input } }
  | { type: 'ReviseDecisionDraft'; data: { draftId: string; expectedVersion: number; content: Input; changeSummary: string } }
  | { type: 'RequestConsultation'; data: { draftId: string; expectedVersion: number; reviewId: string; terms: Input } }
  | { type: 'PublishReviewedConsultation'; data: { draftId: string; version: number; contentHash: string; reviewId: string } }
  | { type: 'SubmitConsultationComment'; data: { draftId: string; commentId: string; content: string; authorName?: string | null; contact?: SealedContact | null } }
  | { type: 'HideConsultationComment'; data: { draftId: string; commentId: string; reason: string } }
  | { type: 'DisposeConsultationComments'; data: { draftId: string; commentIds: readonly string[]; disposition: string; reason: string } }
  | { type: 'RequestFeedbackPublication'; data: { draftId: string; reviewId: string } }
  | { type: 'PublishReviewedFeedback'; data: { draftId: string; version: number; contentHash: string; reviewId: string } }
  | { type: 'AdoptDecision'; data: { draftId: string; adoption: Input } }
  | { type: 'WithdrawDecision'; data: { draftId: string; reason: string } };

export type DecisionDraftCommandOf<T extends DecisionDraftCommand['type']> = Extract<DecisionDraftCommand, { type: T }>;

/** The command types, for routing. */
export const DECISION_DRAFT_COMMAND_TYPES: readonly DecisionDraftCommand['type'][] = [
  'CreateDecisionDraft',
  'ReviseDecisionDraft',
  'RequestConsultation',
  'PublishReviewedConsultation',
  'SubmitConsultationComment',
  'HideConsultationComment',
  'DisposeConsultationComments',
  'RequestFeedbackPublication',
  'PublishReviewedFeedback',
  'AdoptDecision',
  'WithdrawDecision',
];
