/**
 * The kinds of item the decisions context sends through the publication review gate
 * (先审查、后公开, 一事一审): each is published only in the version a reviewer approved.
 */
export const DECISION_PUBLICATION_ITEM_TYPES = {
  /** A draft with its consultation terms (征求意见稿). */
  consultationDraft: 'CONSULTATION_DRAFT',
  /** What the bureau did with the comments (意见采纳情况反馈). */
  consultationFeedback: 'CONSULTATION_FEEDBACK',
  /** A progress report of a key work item (执行进展). */
  progressReport: 'PROGRESS_REPORT',
  /** The results of a clean-up of normative documents (清理结果). */
  cleanupResult: 'CLEANUP_RESULT',
} as const;

export type DecisionPublicationItemType = (typeof DECISION_PUBLICATION_ITEM_TYPES)[keyof typeof DECISION_PUBLICATION_ITEM_TYPES];
