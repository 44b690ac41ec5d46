import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { NegativeListEvent } from '@gongkai/oversight/domain';
import { type Projection, type PublicationHistory, type ReadDocument, type ReadStore, withPublication, withPublicationEnded } from '@gongkai/read-store';

export const NEGATIVE_LIST_ITEMS = 'oversight_negative_list_items';
export const NEGATIVE_LIST_CHANGES = 'oversight_negative_list_changes';

/** One item of an agency's negative list (负面清单), current or retired: the list is public. */
export interface NegativeListItemDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly code: string;
  readonly description: string;
  readonly legalBasis: string;
  readonly retired: boolean;
  readonly addedInVersion: number;
  readonly addedAt: string;
  readonly retiredInVersion: number | null;
  readonly retiredAt: string | null;
  readonly retirementReason: string | null;
  /** Each period the item was on the list, with what it said then, for `asOfInstant`. */
  readonly publicationHistory?: PublicationHistory<NegativeListItemContent>;
}

/** What an item said while it was on the list. */
export interface NegativeListItemContent {
  readonly description: string;
  readonly legalBasis: string;
  readonly addedInVersion: number;
  readonly addedAt: string;
}

/** One change of the list: every version of the list is one change, and the history is public too. */
export interface NegativeListChangeDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly listVersion: number;
  readonly change: 'ADDED' | 'RETIRED';
  readonly code: string;
  readonly reason: string | null;
  readonly at: string;
  readonly by: string;
}

type DataOf<T extends NegativeListEvent['type']> = Extract<NegativeListEvent, { type: T }>['data'];

export const negativeListProjection: Projection = {
  name: 'oversight.negative-list',
  version: 2,
  collections: [NEGATIVE_LIST_ITEMS, NEGATIVE_LIST_CHANGES],
  indexes: { [NEGATIVE_LIST_ITEMS]: [{ keys: { agencyCode: 1, code: 1 } }], [NEGATIVE_LIST_CHANGES]: [{ keys: { agencyCode: 1, listVersion: 1 } }] },
  handles: ['NegativeListItemAdded', 'NegativeListItemRetired'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const items = store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS);
    const changes = store.collection<NegativeListChangeDocument>(NEGATIVE_LIST_CHANGES);
    const by = event.metadata.actor.id;
    if (event.type === 'NegativeListItemAdded') {
      const data = event.data as DataOf<'NegativeListItemAdded'>;
      const _id = `${data.agencyCode}:${data.code}`;
      const content: NegativeListItemContent = { description: data.description, legalBasis: data.legalBasis, addedInVersion: data.listVersion, addedAt: data.addedAt };
      const publicationHistory = withPublication((await items.findOne({ _id }))?.publicationHistory, content, data.addedAt);
      await items.replaceOne(
        { _id },
        { _id, agencyCode: data.agencyCode, code: data.code, ...content, retired: false, retiredInVersion: null, retiredAt: null, retirementReason: null, publicationHistory },
        { upsert: true },
      );
      await changes.replaceOne({ _id: event.id }, { _id: event.id, agencyCode: data.agencyCode, listVersion: data.listVersion, change: 'ADDED', code: data.code, reason: null, at: data.addedAt, by }, { upsert: true });
      return;
    }
    const data = event.data as DataOf<'NegativeListItemRetired'>;
    const _id = `${data.agencyCode}:${data.code}`;
    const publicationHistory = withPublicationEnded((await items.findOne({ _id }))?.publicationHistory, data.retiredAt);
    await items.updateOne({ _id }, { $set: { retired: true, retiredInVersion: data.listVersion, retiredAt: data.retiredAt, retirementReason: data.reason, publicationHistory } });
    await changes.replaceOne({ _id: event.id }, { _id: event.id, agencyCode: data.agencyCode, listVersion: data.listVersion, change: 'RETIRED', code: data.code, reason: data.reason, at: data.retiredAt, by }, { upsert: true });
  },
};
