import { type Actor, agencyFilter, isBureauReader, type LocalDate, seesInternals } from '@gongkai/kernel';
import type { ActivityDetails, ActivityOutcome } from '@gongkai/participation/domain';
import type { Filter } from '@gongkai/read-store';
import type { OutreachActivityDocument, PublishedActivity } from './outreach-activity-document';

/** What one reader may see of one activity. */
export interface OutreachActivityView {
  readonly id: string;
  readonly agencyCode: string;
  readonly details: ActivityDetails;
  readonly outcome: ActivityOutcome | null;
  readonly version: number;
  readonly publicationStatus: 'PENDING_REVIEW' | 'PUBLISHED';
  readonly publishedVersion: number | null;
  readonly publishedAt: string | null;
  readonly pendingReviewId: string | null;
}

/** Bureau people of the activity's agency see the version under review; everyone else only the published one. */
export const viewOutreachActivity = (activity: OutreachActivityDocument, actor: Actor): OutreachActivityView | null => {
  const published = activity.published;
  if (seesInternals(actor, activity.agencyCode)) {
    return {
      id: activity._id,
      agencyCode: activity.agencyCode,
      details: activity.details,
      outcome: activity.outcome,
      version: activity.version,
      publicationStatus: activity.status,
      publishedVersion: published?.version ?? null,
      publishedAt: published?.publishedAt ?? null,
      pendingReviewId: activity.pendingReviewId,
    };
  }
  if (!published) return null; // never published: it does not exist for the public
  return publicActivityView(activity, published);
};

/** The public's view of one published version: exactly what the reviewer approved, nothing under review. */
export const publicActivityView = (activity: Pick<OutreachActivityDocument, '_id' | 'agencyCode'>, published: PublishedActivity): OutreachActivityView => ({
  id: activity._id,
  agencyCode: activity.agencyCode,
  details: published.details,
  outcome: published.outcome,
  version: published.version,
  publicationStatus: 'PUBLISHED',
  publishedVersion: published.version,
  publishedAt: published.publishedAt,
  pendingReviewId: null,
});

export interface ActivityDateRange {
  readonly from?: LocalDate | null;
  readonly to?: LocalDate | null;
}

/** The date bounds of a range as one condition; undefined when it has none. */
export const between = (range: ActivityDateRange): Filter | undefined => {
  const bounds = { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lte: range.to } : {}) };
  return Object.keys(bounds).length > 0 ? bounds : undefined;
};

/** The public lists published activities by their published date; bureau people also their agencies' activities under review. */
export const activitiesFilter = (actor: Actor, range: ActivityDateRange): Filter => {
  const dates = between(range);
  const publicBranch: Filter = { publishedDate: dates ?? { $ne: null } };
  if (!isBureauReader(actor)) return publicBranch;
  const agencies = agencyFilter(actor);
  const own: Filter = { ...(agencies ? { agencyCode: { $in: [...agencies] } } : {}), ...(dates ? { 'details.date': dates } : {}) };
  return agencies === undefined ? own : { $or: [own, publicBranch] };
};
