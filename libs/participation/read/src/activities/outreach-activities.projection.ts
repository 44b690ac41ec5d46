import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { OutreachActivityEvent } from '@gongkai/participation/domain';
import { type Projection, type ReadStore, withPublication } from '@gongkai/read-store';
import { OUTREACH_ACTIVITIES, type OutreachActivityDocument } from './outreach-activity-document';

type EventOf<T extends OutreachActivityEvent['type']> = Extract<OutreachActivityEvent, { type: T }>['data'];

/** The activities read model: the current version beside the published one. */
export const outreachActivitiesProjection: Projection = {
  name: 'participation.outreach-activities',
  version: 2,
  collections: [OUTREACH_ACTIVITIES],
  indexes: { [OUTREACH_ACTIVITIES]: [{ keys: { publishedDate: 1 } }, { keys: { agencyCode: 1, 'details.date': 1 } }] },
  handles: ['OutreachActivityAnnounced', 'OutreachActivityOutcomeRecorded', 'OutreachActivityPublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const activities = store.collection<OutreachActivityDocument>(OUTREACH_ACTIVITIES);
    const at = event.occurredAt;
    switch (event.type as OutreachActivityEvent['type']) {
      case 'OutreachActivityAnnounced': {
        const data = event.data as EventOf<'OutreachActivityAnnounced'>;
        await activities.replaceOne(
          { _id: data.activityId },
          {
            _id: data.activityId,
            agencyCode: data.agencyCode,
            status: 'PENDING_REVIEW',
            version: 1,
            details: data.details,
            outcome: null,
            pendingReviewId: data.publicationRequest.reviewId,
            published: null,
            publishedDate: null,
            publicationHistory: [],
            createdAt: at,
            updatedAt: at,
          },
          { upsert: true },
        );
        return;
      }
      case 'OutreachActivityOutcomeRecorded': {
        const data = event.data as EventOf<'OutreachActivityOutcomeRecorded'>;
        await activities.updateOne(
          { _id: data.activityId },
          { $set: { status: 'PENDING_REVIEW', version: data.version, outcome: data.outcome, pendingReviewId: data.publicationRequest.reviewId, updatedAt: at } },
        );
        return;
      }
      case 'OutreachActivityPublished': {
        const data = event.data as EventOf<'OutreachActivityPublished'>;
        const activity = await activities.findOne({ _id: data.activityId });
        if (!activity) return;
        const published = {
          version: data.version,
          details: activity.details,
          outcome: activity.outcome,
          contentHash: data.contentHash,
          reviewId: data.reviewId,
          publishedAt: data.publishedAt,
          firstPublishedAt: activity.published?.firstPublishedAt ?? data.publishedAt,
        };
        await activities.updateOne(
          { _id: data.activityId },
          {
            $set: {
              status: 'PUBLISHED',
              pendingReviewId: null,
              published,
              publishedDate: activity.details.date,
              publicationHistory: withPublication(activity.publicationHistory, published, data.publishedAt),
              updatedAt: at,
            },
          },
        );
        return;
      }
    }
  },
};
