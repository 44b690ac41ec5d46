import type { PublicationSubject } from '@gongkai/contracts';

/**
 * Every publication of every context passes the review gate, whose `ReviewedVersionPublished`
 * event carries the PublicationSubject: the channels are fed from that one event type, never by
 * hand. Named here as a string because this context may not depend on oversight's domain.
 */
export const REVIEWED_VERSION_PUBLISHED = 'ReviewedVersionPublished';

export interface ReviewedVersionPublishedData {
  readonly reviewId: string;
  readonly subject: PublicationSubject;
  readonly publishedAt: string;
}

/** A publication as the channels carry it: no content hash, no requester, only what the public may see. */
export interface ChannelPublication {
  readonly reviewId: string;
  readonly context: string;
  readonly category: string;
  readonly itemType: string;
  readonly itemId: string;
  readonly itemVersion: number;
  readonly title: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly publishedAt: string;
}

/** Which context owns each kind of reviewed item; a kind not listed yet is still delivered, under `other`. */
const CONTEXT_OF_ITEM_TYPE: Readonly<Record<string, string>> = {
  SERVICE_GUIDE: 'services-catalog',
  POWER_LIST_ITEM: 'oversight',
  ANNUAL_REPORT: 'oversight',
  REQUEST_ANSWER: 'requests',
  CONSULTATION_DRAFT: 'decisions',
  CONSULTATION_FEEDBACK: 'decisions',
  PROGRESS_REPORT: 'decisions',
  CLEANUP_RESULT: 'decisions',
  NORMATIVE_DOCUMENT: 'decisions',
  DISCLOSURE_RECORD: 'supervision',
  INTERPRETATION: 'interpretations',
  OPINION_RESPONSE: 'interpretations',
  PUBLIC_MESSAGE_ANSWER: 'participation',
  OUTREACH_ACTIVITY: 'participation',
};

export const OTHER_CONTEXT = 'other';

/** The category of a feed or filter: the item type in URL form, e.g. SERVICE_GUIDE → service-guide. */
export const categoryOf = (itemType: string): string => itemType.toLowerCase().replace(/_/g, '-');

export const contextOf = (itemType: string): string => CONTEXT_OF_ITEM_TYPE[itemType] ?? OTHER_CONTEXT;

/** Whether publications are ever filed under `context`: a feed of any other name is not there to subscribe to. */
export const isPublishingContext = (context: string): boolean => context === OTHER_CONTEXT || Object.values(CONTEXT_OF_ITEM_TYPE).includes(context);

export const channelPublicationOf = (data: ReviewedVersionPublishedData): ChannelPublication => ({
  reviewId: data.reviewId,
  context: contextOf(data.subject.itemType),
  category: categoryOf(data.subject.itemType),
  itemType: data.subject.itemType,
  itemId: data.subject.itemId,
  itemVersion: data.subject.itemVersion,
  title: data.subject.title,
  agencyCode: data.subject.agencyCode,
  departmentCode: data.subject.departmentCode,
  publishedAt: data.publishedAt,
});

/** A subscriber's filter: empty lists mean everything. */
export const matchesFilter = (filter: { readonly contexts: readonly string[]; readonly categories: readonly string[] }, publication: ChannelPublication): boolean =>
  (filter.contexts.length === 0 || filter.contexts.includes(publication.context)) && (filter.categories.length === 0 || filter.categories.includes(publication.category));
