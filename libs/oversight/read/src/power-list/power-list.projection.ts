import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { PowerAdjustment, PowerListEntry, PowerListEvent } from '@gongkai/oversight/domain';
import { type Projection, type PublicationHistory, type ReadDocument, type ReadStore, withPublication, withPublicationEnded } from '@gongkai/read-store';

export const POWER_LIST_ITEMS = 'oversight_power_list_items';

export interface PowerListVersion {
  readonly version: number;
  readonly adjustment: PowerAdjustment;
  readonly entry: PowerListEntry;
  readonly reason: string;
  readonly adjustedAt: string;
  readonly adjustedBy: string;
  readonly reviewId: string;
  readonly publishedAt: string | null;
}

/** One power of the power and responsibility list (权责清单) with every adjustment of it. */
export interface PowerListItemDocument extends ReadDocument {
  readonly agencyCode: string;
  /** The latest adjustment, published or waiting for review. */
  readonly latest: PowerListVersion;
  /** What the public sees: the last published adjustment, absent before the first. */
  readonly published: PowerListVersion | null;
  /** On the public list: published and not removed. */
  readonly listed: boolean;
  readonly history: readonly PowerListVersion[];
  /** Each published version with the period it was on the public list, for `asOfInstant`; a published removal ends the last. */
  readonly publicationHistory?: PublicationHistory<PowerListVersion>;
}

type DataOf<T extends PowerListEvent['type']> = Extract<PowerListEvent, { type: T }>['data'];

export const powerListProjection: Projection = {
  name: 'oversight.power-list',
  version: 2,
  collections: [POWER_LIST_ITEMS],
  indexes: { [POWER_LIST_ITEMS]: [{ keys: { agencyCode: 1, listed: 1 } }] },
  handles: ['PowerListItemAdjusted', 'PowerListItemPublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const items = store.collection<PowerListItemDocument>(POWER_LIST_ITEMS);
    if (event.type === 'PowerListItemAdjusted') {
      const data = event.data as DataOf<'PowerListItemAdjusted'>;
      const version: PowerListVersion = {
        version: data.version,
        adjustment: data.adjustment,
        entry: data.entry,
        reason: data.reason,
        adjustedAt: event.occurredAt,
        adjustedBy: event.metadata.actor.id,
        reviewId: data.publicationRequest.reviewId,
        publishedAt: null,
      };
      const existing = await items.findOne({ _id: data.itemId });
      await items.replaceOne(
        { _id: data.itemId },
        {
          _id: data.itemId,
          agencyCode: data.agencyCode,
          latest: version,
          published: existing?.published ?? null,
          listed: existing?.listed ?? false,
          history: [...(existing?.history ?? []), version],
          publicationHistory: existing?.publicationHistory ?? [],
        },
        { upsert: true },
      );
      return;
    }
    const data = event.data as DataOf<'PowerListItemPublished'>;
    const item = await items.findOne({ _id: data.itemId });
    if (!item) return;
    const history = item.history.map((v) => (v.version === data.version ? { ...v, publishedAt: data.publishedAt } : v));
    const published = history.find((v) => v.version === data.version) ?? null;
    const removed = data.adjustment === 'REMOVE';
    const publicationHistory = removed || !published ? withPublicationEnded(item.publicationHistory, data.publishedAt) : withPublication(item.publicationHistory, published, data.publishedAt);
    await items.updateOne(
      { _id: data.itemId },
      { $set: { history, published, latest: item.latest.version === data.version ? published : item.latest, listed: !removed, publicationHistory } },
    );
  },
};
