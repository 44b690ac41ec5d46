import { type Filter, publicAtFilter, type SortSpec, versionInForce } from '@gongkai/read-store';
import type { PublicMessageDocument } from './public-message-document';
import type { MessageListQuery, PublicMessageView } from './public-message-visibility';

/**
 * The message as the public saw it at `at` (point in time): the question and answer then
 * published, the hide stub once hidden, or null before its publication. Whoever asks gets the
 * public's view, so neither an unpublished message nor the author ever answers an `asOfInstant`.
 */
export const viewPublicMessageAsOf = (doc: PublicMessageDocument, at: string): PublicMessageView | null => versionInForce(doc.publicationHistory, at)?.content ?? null;

/** The public list as it stood at `at`, filtered on what was published then. */
export const messageListFilterAsOf = (query: MessageListQuery, at: string): Filter =>
  publicAtFilter('publicationHistory', at, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.answered === true ? { status: 'ANSWERED' } : query.answered === false ? { status: { $ne: 'ANSWERED' } } : {}),
  });

/** Newest publication first, as the public list is sorted. */
export const MESSAGE_SORT_AS_OF: SortSpec = { 'publication.publishedAt': -1, _id: 1 };
