import type { RecordedEvent } from '@gongkai/event-sourcing';
import { channelPublicationOf, type ChannelPublication, REVIEWED_VERSION_PUBLISHED, type ReviewedVersionPublishedData } from '@gongkai/participation/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';
import { entryIdOf } from '../feeds/atom-feed';
import { publishedYearOf } from '../webhooks/webhook-deliveries.projection';

export const PUBLICATION_CHANNELS = 'participation.publication-channels';

/**
 * One published version of one item and the feeds it was listed in: the Atom channel's delivery
 * record. The feeds' read model applies the same event, so the entry is listed exactly when this
 * record says; its webhook deliveries are the delivery log's documents of the same publication.
 */
export interface PublicationChannelsDocument extends ReadDocument, ChannelPublication {
  readonly _id: string;
  readonly publishedYear: number;
  readonly feedEntryId: string;
  /** Feed paths under /feeds, e.g. `all`, `services-catalog`, `services-catalog/service-guide`. */
  readonly feeds: readonly string[];
  readonly listedAt: string;
}

export const publicationKeyOf = (itemType: string, itemId: string, itemVersion: number): string => `${itemType}:${itemId}:${itemVersion}`;

export const publicationChannelsProjection: Projection = {
  name: 'participation.publication-channels',
  version: 1,
  collections: [PUBLICATION_CHANNELS],
  indexes: { [PUBLICATION_CHANNELS]: [{ keys: { itemType: 1, itemId: 1, itemVersion: -1 } }, { keys: { publishedYear: 1 } }] },
  handles: [REVIEWED_VERSION_PUBLISHED],
  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const publication = channelPublicationOf(event.data as ReviewedVersionPublishedData);
    const _id = publicationKeyOf(publication.itemType, publication.itemId, publication.itemVersion);
    await store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).replaceOne(
      { _id },
      {
        ...publication,
        _id,
        publishedYear: publishedYearOf(publication.publishedAt),
        feedEntryId: entryIdOf(publication),
        feeds: ['all', publication.context, `${publication.context}/${publication.category}`],
        listedAt: event.occurredAt,
      },
      { upsert: true },
    );
  },
};
