import type { RecordedEvent } from '@gongkai/event-sourcing';
import { channelPublicationOf, type ChannelPublication, REVIEWED_VERSION_PUBLISHED, type ReviewedVersionPublishedData } from '@gongkai/participation/domain';
import type { Projection, ReadStore } from '@gongkai/read-store';

export const FEED_ENTRIES = 'participation.feed-entries';

/** One entry per published item: a new version updates the entry, as RFC 4287 lets an entry change. */
export interface FeedEntryDocument extends Omit<ChannelPublication, 'reviewId'> {
  readonly _id: string;
  readonly reviewId: string;
  /** When the item was first published: the entry's `published`. */
  readonly firstPublishedAt: string;
  readonly [field: string]: unknown;
}

/** The Atom feeds' read model, fed by every context's publications through the review gate. */
export const feedEntriesProjection: Projection = {
  name: 'participation.feed-entries',
  version: 1,
  collections: [FEED_ENTRIES],
  indexes: { [FEED_ENTRIES]: [{ keys: { publishedAt: -1 } }, { keys: { context: 1, category: 1, publishedAt: -1 } }] },
  handles: [REVIEWED_VERSION_PUBLISHED],
  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const publication = channelPublicationOf(event.data as ReviewedVersionPublishedData);
    const entries = store.collection<FeedEntryDocument>(FEED_ENTRIES);
    const _id = `${publication.itemType}:${publication.itemId}`;
    const existing = await entries.findOne({ _id });
    await entries.replaceOne({ _id }, { ...publication, _id, firstPublishedAt: existing?.firstPublishedAt ?? publication.publishedAt }, { upsert: true });
  },
};
