/**
 * The contract of the publication review gate (先审查、后公开, 一事一审) between the owning
 * contexts and oversight. Nothing is published before a review of exactly one item, one version
 * and one content hash has approved it.
 */

/**
 * Every kind of item an owning context sends through the gate. Each context names its own kinds
 * beside its deciders; this list is what lets a subject's type, and a query asking by type, be
 * checked against the kinds that exist.
 */
export const REVIEWED_ITEM_TYPES = [
  'SERVICE_GUIDE',
  'REQUEST_ANSWER',
  'CONSULTATION_DRAFT',
  'CONSULTATION_FEEDBACK',
  'PROGRESS_REPORT',
  'CLEANUP_RESULT',
  'DISCLOSURE_RECORD',
  'DISCLOSURE_IMPORT',
  'ENTERPRISE_REGISTER_CHANGE',
  'POLICY_INTERPRETATION',
  'OPINION_RESPONSE',
  'PUBLIC_MESSAGE_ANSWER',
  'OUTREACH_ACTIVITY',
  'ANNUAL_REPORT',
  'POWER_LIST_ITEM',
] as const;

export type ReviewedItemType = (typeof REVIEWED_ITEM_TYPES)[number];

/** What is to be reviewed: exactly this item, this version, this content. */
export interface PublicationSubject {
  /** Chosen by the owning context when publication is requested: one review per request. */
  readonly reviewId: string;
  /** e.g. SERVICE_GUIDE, CONSULTATION_DRAFT, DISCLOSURE_RECORD: the owning context's kind of item. */
  readonly itemType: ReviewedItemType;
  readonly itemId: string;
  readonly itemVersion: number;
  /** SHA-256 of the canonical content of that version (`contentHash` in @gongkai/kernel). */
  readonly contentHash: string;
  readonly title: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  /** The account that asked for publication: it may not approve its own request. */
  readonly requestedBy: string;
}

/**
 * An owning context's event whose data carries `publicationRequest` asks the gate to open a
 * review; one carrying `withdrawnReviewId` tells the gate that the reviewed content is gone
 * (revised or retired), so the review is superseded.
 */
export interface PublicationRequestMarker {
  readonly publicationRequest: PublicationSubject;
}
export interface ReviewWithdrawalMarker {
  readonly withdrawnReviewId: string;
}

export const hasPublicationRequest = (data: unknown): data is PublicationRequestMarker =>
  typeof data === 'object' && data !== null && 'publicationRequest' in data;

export const hasReviewWithdrawal = (data: unknown): data is ReviewWithdrawalMarker =>
  typeof data === 'object' && data !== null && typeof (data as { withdrawnReviewId?: unknown }).withdrawnReviewId === 'string';

/** Integration events of the gate that owning contexts react to. */
export const PUBLICATION_REVIEW_APPROVED = 'PublicationReviewApproved';

export interface PublicationReviewApprovedData {
  readonly reviewId: string;
  readonly subject: PublicationSubject;
  readonly approvedBy: string;
  readonly comment?: string;
}

/** The rule an owning context answers with when the reviewed version is no longer the current one. */
export const REVIEWED_VERSION_OUTDATED = 'REVIEWED_VERSION_OUTDATED';

/** Stream ids are `<context>.<Aggregate>-<id>` so that the context can be read off any event. */
export const streamIdOf = (context: string, aggregate: string, id: string): string => `${context}.${aggregate}-${id}`;

/** Context names: the first segment of stream ids and of NATS subjects. */
export const CONTEXTS = {
  servicesCatalog: 'services-catalog',
  oversight: 'oversight',
  requests: 'requests',
  decisions: 'decisions',
  supervision: 'supervision',
  interpretations: 'interpretations',
  participation: 'participation',
} as const;
