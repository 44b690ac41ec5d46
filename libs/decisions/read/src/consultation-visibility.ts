import { compareLocalDates, localDateOf } from '@gongkai/calendar';
import { consultationDays, type ConsultationPhase, consultationPhaseAt, type DecisionStage, type DraftContent, type FeedbackReport, type SealedContact } from '@gongkai/decisions/domain';
import { type Actor, canActForAgency, canActForDepartment, hasRole, seesInternals } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';
import { internalOrPublishedFilter } from './bureau-readers';
import type { ConsultationCommentDocument, DecisionDraftDocument, FeedbackEntry } from './decision-draft-document';

/** The staff who handle the comments — the only readers of a commenter's contact. */
export const handlesComments = (actor: Actor, draft: Pick<DecisionDraftDocument, 'agencyCode' | 'content'>): boolean =>
  hasRole(actor, 'staff', 'office', 'admin') && canActForAgency(actor, draft.agencyCode) && canActForDepartment(actor, draft.content.departmentCode);

/**
 * Whether the public has been shown the draft: from 00:00 of the opening day, and only if the
 * decision was not withdrawn before that day. Before then it sees the announcement, not the text.
 */
export const draftOpenedToPublic = (draft: DecisionDraftDocument, now: Date): boolean => {
  const consultation = draft.consultation;
  if (!consultation?.publishedAt) return false;
  if (draft.withdrawal && compareLocalDates(localDateOf(new Date(draft.withdrawal.withdrawnAt)), consultation.terms.opensOn) < 0) return false;
  return consultationPhaseAt(consultation.terms, now) !== 'UPCOMING';
};

export interface FeedbackView {
  readonly version: number;
  readonly status: 'PENDING_REVIEW' | 'PUBLISHED';
  readonly report: FeedbackReport;
  readonly contentHash: string;
  readonly publishedAt: string | null;
}

/** What one reader may see of one consultation. */
export interface ConsultationView {
  readonly id: string;
  readonly agencyCode: string;
  readonly title: string;
  /** Null for the public until the consultation opens. */
  readonly draft: (DraftContent & { readonly version: number }) | null;
  readonly terms: NonNullable<DecisionDraftDocument['consultation']>['terms'];
  readonly days: number;
  readonly status: ConsultationPhase;
  readonly published: boolean;
  readonly publishedAt: string | null;
  readonly pendingReviewId: string | null;
  readonly decisionStatus: DecisionStage;
  readonly withdrawalReason: string | null;
  readonly commentCount: number;
  readonly hiddenCount: number;
  readonly feedback: FeedbackView | null;
  /** Whether this reader may list the comments, and read their contacts. */
  readonly showsComments: boolean;
  readonly showsContacts: boolean;
}

const feedbackView = (entry: FeedbackEntry | null, status: FeedbackView['status']): FeedbackView | null =>
  entry ? { version: entry.version, status, report: entry.report, contentHash: entry.contentHash, publishedAt: entry.publishedAt } : null;

const statusOf = (draft: DecisionDraftDocument, now: Date): ConsultationPhase => {
  const consultation = draft.consultation;
  if (!consultation?.publishedAt) return 'UPCOMING'; // it cannot open before it is published
  if (draft.status === 'WITHDRAWN') return 'CLOSED';
  return consultationPhaseAt(consultation.terms, now);
};

export const viewConsultation = (draft: DecisionDraftDocument, actor: Actor, now: Date): ConsultationView | null => {
  const consultation = draft.consultation;
  if (!consultation) return null;
  const internal = seesInternals(actor, draft.agencyCode);
  if (!internal && !consultation.publishedAt) return null; // still under review: it does not exist for the public
  const opened = internal || draftOpenedToPublic(draft, now);
  const { terms } = consultation;
  return {
    id: draft._id,
    agencyCode: draft.agencyCode,
    title: consultation.content.title,
    draft: opened ? { ...consultation.content, version: consultation.draftVersion } : null,
    terms,
    days: consultationDays(terms),
    status: statusOf(draft, now),
    published: consultation.publishedAt !== null,
    publishedAt: consultation.publishedAt,
    pendingReviewId: internal && !consultation.publishedAt ? consultation.reviewId : null,
    decisionStatus: draft.status,
    withdrawalReason: draft.withdrawal?.reason ?? null,
    commentCount: draft.commentCount,
    hiddenCount: draft.hiddenCount,
    feedback: feedbackView(draft.publishedFeedback, 'PUBLISHED') ?? (internal ? feedbackView(draft.pendingFeedback, 'PENDING_REVIEW') : null),
    showsComments: opened,
    showsContacts: handlesComments(actor, draft),
  };
};

export interface CommentView {
  readonly id: string;
  /** Null for the public when the comment is hidden: the reason is shown instead. */
  readonly content: string | null;
  readonly authorName: string | null;
  /** Only ever for the handling staff, still encrypted: the gateway opens it with the vault. */
  readonly contact: SealedContact | null;
  readonly submittedAt: string;
  readonly hidden: boolean;
  readonly hiddenReason: string | null;
  readonly disposition: string | null;
  readonly dispositionReason: string | null;
}

export const viewComment = (comment: ConsultationCommentDocument, consultation: Pick<ConsultationView, 'showsContacts' | 'agencyCode'>, actor: Actor): CommentView => {
  const internal = seesInternals(actor, consultation.agencyCode);
  const disposal = internal ? comment.disposal : comment.publishedDisposal;
  const shown = internal || !comment.hidden;
  return {
    id: comment._id,
    content: shown ? comment.content : null,
    authorName: shown ? comment.authorName || null : null,
    contact: consultation.showsContacts ? comment.contact : null,
    submittedAt: comment.submittedAt,
    hidden: comment.hidden,
    hiddenReason: comment.hiddenReason,
    disposition: disposal?.disposition ?? null,
    dispositionReason: disposal?.reason ?? null,
  };
};

/** The drafts whose consultation a reader may list: the public only published ones. */
export const PUBLISHED_CONSULTATION: Filter = { 'consultation.publishedAt': { $ne: null } };

export const consultationsFilter = (actor: Actor): Filter => internalOrPublishedFilter(actor, PUBLISHED_CONSULTATION, { consultation: { $ne: null } });
