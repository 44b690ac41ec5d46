import { localDateOf } from '@gongkai/calendar';
import { type Filter, publicAtFilter, type ReadStore, versionInForce } from '@gongkai/read-store';
import { CONSULTATION_COMMENTS, type ConsultationCommentDocument, DECISION_DRAFTS, type DecisionDraftDocument } from './decision-draft-document';
import type { KeyWorkItemDocument } from './key-work-item-document';
import type { CleanupCampaignDocument, NormativeDocumentDocument } from './normative-register-documents';

/** What the public knew of comments at an instant: how many had come in, how many were hidden by then. */
export interface CommentCountsAsOf {
  readonly commentCount: number;
  readonly hiddenCount: number;
}

/** The filters that count a consultation's comments as they stood at `at`. */
export const commentCountFiltersAsOf = (draftId: string, at: string): { readonly received: Filter; readonly hidden: Filter } => ({
  received: { draftId, submittedAt: { $lte: at } },
  hidden: { draftId, submittedAt: { $lte: at }, hiddenAt: { $ne: null, $lte: at } },
});

/**
 * The draft as the public could see it at `at` (point in time): the consultation then published,
 * the feedback then published, and an adoption or withdrawal only if it had happened by then; null
 * when no consultation was published yet. Read it as the public does (ANONYMOUS, at `at`).
 */
export const decisionDraftAsOf = (draft: DecisionDraftDocument, at: string, counts: CommentCountsAsOf): DecisionDraftDocument | null => {
  const consultation = versionInForce(draft.consultationHistory, at)?.content;
  if (!consultation) return null;
  const withdrawal = draft.withdrawal && draft.withdrawal.withdrawnAt <= at ? draft.withdrawal : null;
  const adopted = !withdrawal && draft.adoptedAt !== null && draft.adoptedAt !== undefined && draft.adoptedAt <= at;
  return {
    ...draft,
    ...counts,
    status: withdrawal ? 'WITHDRAWN' : adopted ? 'ADOPTED' : 'DRAFT',
    consultation,
    publishedFeedback: versionInForce(draft.feedbackHistory, at)?.content ?? null,
    pendingFeedback: null,
    adoption: adopted ? draft.adoption : null,
    normativeDocumentId: adopted ? draft.normativeDocumentId : null,
    withdrawal,
    updatedAt: at,
  };
};

/** A comment as the public saw it at `at`: null if not yet received; hidden only if hidden by then; the disposal the feedback then published said. */
export const commentAsOf = (comment: ConsultationCommentDocument, draftThen: DecisionDraftDocument, at: string): ConsultationCommentDocument | null => {
  if (comment.submittedAt > at) return null;
  const hidden = comment.hiddenAt !== null && comment.hiddenAt <= at;
  const group = draftThen.publishedFeedback?.report.groups.find((g) => g.commentIds.includes(comment._id));
  return {
    ...comment,
    hidden,
    hiddenReason: hidden ? comment.hiddenReason : null,
    hiddenAt: hidden ? comment.hiddenAt : null,
    publishedDisposal: group ? { disposition: group.disposition, reason: group.reason } : null,
  };
};

/** Key work as the public saw it at `at`: the progress reports published by then (each is published once, never replaced); null before the first. */
export const keyWorkItemAsOf = (item: KeyWorkItemDocument, at: string): KeyWorkItemDocument | null => {
  const reports = item.reports.filter((report) => report.publishedAt !== null && report.publishedAt <= at);
  return reports.length ? { ...item, reports, publishedReports: reports.length } : null;
};

export const keyWorkItemsFilterAsOf = (at: string, kind?: string | null): Filter => ({
  reports: { $elemMatch: { publishedAt: { $ne: null, $lte: at } } },
  ...(kind ? { kind } : {}),
});

/**
 * The register entry as the public saw it at `at`: null before it was registered, with the
 * amendments and the repeal recorded by then (an amendment recorded later may name an earlier day).
 */
export const normativeDocumentAsOf = (document: NormativeDocumentDocument, at: string): NormativeDocumentDocument | null => {
  if (document.registeredAt > at) return null;
  const recordedBy = (entry: { readonly recordedAt: string }) => entry.recordedAt <= at;
  const amendments = document.amendments.filter(recordedBy);
  const repealed = document.repeal !== null && recordedBy(document.repeal);
  const firstAmendedOn = amendments.reduce<string | null>((first, a) => (first === null || a.amendedOn < first ? a.amendedOn : first), null);
  return { ...document, amendments, firstAmendedOn, repealedOn: repealed ? document.repealedOn : null, repeal: repealed ? document.repeal : null };
};

/** The day a status is given for at an instant, unless a day was asked for: the instant's day in Asia/Shanghai. */
export const statusDayOf = (at: string, asOf: string | null | undefined): string => asOf ?? localDateOf(new Date(at));

/** `decisionDraftAsOf` with the comment counts read from the store as they stood at `at`. */
export const readDecisionDraftAsOf = async (store: ReadStore, draft: DecisionDraftDocument, at: string): Promise<DecisionDraftDocument | null> => {
  if (!versionInForce(draft.consultationHistory, at)) return null;
  const comments = store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS);
  const { received, hidden } = commentCountFiltersAsOf(draft._id, at);
  const [commentCount, hiddenCount] = await Promise.all([comments.count(received), comments.count(hidden)]);
  return decisionDraftAsOf(draft, at, { commentCount, hiddenCount });
};

/** The drafts whose consultation was public at `at`, newest opening first, as the public saw them then. */
export const readDecisionDraftsAsOf = async (store: ReadStore, at: string, limit: number): Promise<DecisionDraftDocument[]> => {
  const found = await store
    .collection<DecisionDraftDocument>(DECISION_DRAFTS)
    .find(publicAtFilter('consultationHistory', at), { sort: { 'consultation.terms.opensOn': -1, _id: 1 }, limit });
  const then = await Promise.all(found.map((draft) => readDecisionDraftAsOf(store, draft, at)));
  return then.filter((draft): draft is DecisionDraftDocument => draft !== null);
};

/**
 * A clean-up (清理) as the public saw it at `at`: the results then published, or null before the
 * first publication. Whoever asks gets the public's view: nothing concluded since, nothing under review.
 */
export const cleanupCampaignAsOf = (campaign: CleanupCampaignDocument, at: string): CleanupCampaignDocument | null => {
  const published = versionInForce(campaign.publicationHistory, at)?.content;
  if (!published) return null;
  const items = published.results.items.map((item) => ({ ...item }));
  return { ...campaign, title: published.results.title, items, status: 'PUBLISHED', pendingReviewId: null, pendingResults: null, published, updatedAt: at };
};

/** The campaigns whose results had been published by `at`. */
export const cleanupCampaignsFilterAsOf = (at: string): Filter => publicAtFilter('publicationHistory', at);
