import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Projection, type ReadStore, withPublication, withPublicationEnded } from '@gongkai/read-store';
import type { ServiceItemEvent } from '@gongkai/services-catalog/domain';
import { SERVICE_ITEMS, type ServiceItemDocument } from './service-item-document';

type EventOf<T extends ServiceItemEvent['type']> = Extract<ServiceItemEvent, { type: T }>['data'];

/** The catalogue read model: one document per item, with its public version beside the current one. */
export const serviceItemsProjection: Projection = {
  name: 'services-catalog.service-items',
  version: 2,
  collections: [SERVICE_ITEMS],
  indexes: {
    [SERVICE_ITEMS]: [
      { keys: { listedPublicly: 1, 'published.guide.name': 1 } },
      { keys: { agencyCode: 1, 'guide.name': 1 } },
      { keys: { 'guide.departmentCode': 1 } },
    ],
  },
  handles: ['ServiceItemDrafted', 'ServiceItemRevised', 'ServiceItemPublicationRequested', 'ServiceItemPublished', 'ServiceItemRetired'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const items = store.collection<ServiceItemDocument>(SERVICE_ITEMS);
    const at = event.occurredAt;
    switch (event.type as ServiceItemEvent['type']) {
      case 'ServiceItemDrafted': {
        const data = event.data as EventOf<'ServiceItemDrafted'>;
        await items.replaceOne(
          { _id: data.itemId },
          {
            _id: data.itemId,
            agencyCode: data.agencyCode,
            status: 'DRAFT',
            version: 1,
            guide: data.guide,
            pendingReviewId: null,
            published: null,
            versions: [{ version: 1, changeSummary: '', createdAt: at, createdBy: event.metadata.actor.id }],
            retirement: null,
            publicationHistory: [],
            createdAt: at,
            updatedAt: at,
            listedPublicly: false,
          },
          { upsert: true },
        );
        return;
      }
      case 'ServiceItemRevised': {
        const data = event.data as EventOf<'ServiceItemRevised'>;
        await items.updateOne(
          { _id: data.itemId },
          {
            $set: { status: 'DRAFT', version: data.version, guide: data.guide, pendingReviewId: null, updatedAt: at },
            $push: { versions: { version: data.version, changeSummary: data.changeSummary, createdAt: at, createdBy: event.metadata.actor.id } },
          },
        );
        return;
      }
      case 'ServiceItemPublicationRequested': {
        const data = event.data as EventOf<'ServiceItemPublicationRequested'>;
        await items.updateOne({ _id: data.itemId }, { $set: { status: 'PENDING_REVIEW', pendingReviewId: data.publicationRequest.reviewId, updatedAt: at } });
        return;
      }
      case 'ServiceItemPublished': {
        const data = event.data as EventOf<'ServiceItemPublished'>;
        const item = await items.findOne({ _id: data.itemId });
        if (!item) return;
        const published = { version: data.version, guide: item.guide, contentHash: data.contentHash, reviewId: data.reviewId, publishedAt: data.publishedAt };
        await items.updateOne(
          { _id: data.itemId },
          {
            $set: {
              status: 'PUBLISHED',
              pendingReviewId: null,
              published,
              publicationHistory: withPublication(item.publicationHistory, published, data.publishedAt),
              versions: item.versions.map((entry) => (entry.version === data.version ? { ...entry, publishedAt: data.publishedAt } : entry)),
              listedPublicly: true,
              updatedAt: at,
            },
          },
        );
        return;
      }
      case 'ServiceItemRetired': {
        const data = event.data as EventOf<'ServiceItemRetired'>;
        const item = await items.findOne({ _id: data.itemId });
        if (!item) return;
        const publicationHistory = withPublicationEnded(item.publicationHistory, data.retiredAt);
        await items.updateOne(
          { _id: data.itemId },
          { $set: { status: 'RETIRED', pendingReviewId: null, retirement: { reason: data.reason, retiredAt: data.retiredAt }, publicationHistory, listedPublicly: false, updatedAt: at } },
        );
        return;
      }
    }
  },
};
