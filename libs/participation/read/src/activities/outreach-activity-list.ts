import type { Actor } from '@gongkai/kernel';
import type { ReadStore, SortSpec } from '@gongkai/read-store';
import { OUTREACH_ACTIVITIES, type OutreachActivityDocument } from './outreach-activity-document';
import { activitiesFilterAsOf, viewOutreachActivityAsOf } from './outreach-activity-point-in-time';
import { activitiesFilter, type ActivityDateRange, type OutreachActivityView, viewOutreachActivity } from './outreach-activity-visibility';

/** Date, then id: a stable order, so that an offset names the same activity on every page. */
const BY_DATE: SortSpec = { 'details.date': 1, _id: 1 };

export interface OutreachActivityListQuery extends ActivityDateRange {
  /** Point in time: the public list as it stood then, whoever asks. */
  readonly asOfInstant?: string | null;
}

export interface OutreachActivityPage {
  /** One per activity read, in list order; null where the reader may not see it, so that positions stay counted as the store counts them. */
  readonly views: readonly (OutreachActivityView | null)[];
  /** Everything the reader may see in the range, so a portal can tell that more pages follow. */
  readonly totalCount: number;
}

/**
 * One page of the activities list as `actor` may see it. The filter already holds the visibility
 * rule, so `totalCount` counts nothing the reader may not see and the offsets stay aligned.
 */
export const outreachActivityPage = async (store: ReadStore, actor: Actor, query: OutreachActivityListQuery, offset: number, limit: number): Promise<OutreachActivityPage> => {
  const { asOfInstant, ...range } = query;
  const filter = asOfInstant ? activitiesFilterAsOf(range, asOfInstant) : activitiesFilter(actor, range);
  const viewOf = (document: OutreachActivityDocument) => (asOfInstant ? viewOutreachActivityAsOf(document, asOfInstant) : viewOutreachActivity(document, actor));
  const activities = store.collection<OutreachActivityDocument>(OUTREACH_ACTIVITIES);
  const [documents, totalCount] = await Promise.all([activities.find(filter, { sort: BY_DATE, skip: offset, limit }), activities.count(filter)]);
  return {
    views: documents.map(viewOf),
    totalCount,
  };
};
