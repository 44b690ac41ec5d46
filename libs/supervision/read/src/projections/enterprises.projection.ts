import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Projection, ReadStore } from '@gongkai/read-store';
import type { EnterpriseEvent } from '@gongkai/supervision/domain';
import { ENTERPRISES, type EnterpriseDocument, type RegisterChangeEntry } from '../enterprise-document';

type EventOf<T extends EnterpriseEvent['type']> = Extract<EnterpriseEvent, { type: T }>['data'];

const entryOf = (data: EventOf<'EnterpriseRegisterChanged'>): RegisterChangeEntry => {
  const { change } = data;
  const base = { sequence: data.sequence, kind: change.kind, recordedAt: data.recordedAt, reviewId: data.publicationRequest.reviewId, publishedAt: null };
  switch (change.kind) {
    case 'BLACKLIST_ENTRY':
      return { ...base, on: change.on, reason: change.reason, legalBasis: change.legalBasis };
    case 'BLACKLIST_EXIT':
      return { ...base, on: change.on, reason: change.reason };
    case 'KEY_MONITORED':
      return { ...base, year: change.year };
  }
};

/** Enterprises and their register entries (blacklist, key monitored list), published or waiting for review. */
export const enterprisesProjection: Projection = {
  name: 'supervision.enterprises',
  version: 1,
  collections: [ENTERPRISES],
  indexes: { [ENTERPRISES]: [{ keys: { countyCode: 1, name: 1 } }] },
  handles: ['EnterpriseRegistered', 'EnterpriseRegisterChanged', 'EnterpriseRegisterChangePublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const enterprises = store.collection<EnterpriseDocument>(ENTERPRISES);
    switch (event.type as EnterpriseEvent['type']) {
      case 'EnterpriseRegistered': {
        const { creditCode, name, address, countyCode, industry, agencyCode, registeredAt } = event.data as EventOf<'EnterpriseRegistered'>;
        const document = { _id: creditCode, creditCode, name, address, countyCode, industry, agencyCode, registeredAt, changes: [], hasPublishedChange: false };
        await enterprises.replaceOne({ _id: creditCode }, document, { upsert: true });
        return;
      }
      case 'EnterpriseRegisterChanged': {
        const data = event.data as EventOf<'EnterpriseRegisterChanged'>;
        await enterprises.updateOne({ _id: data.creditCode }, { $push: { changes: entryOf(data) } });
        return;
      }
      case 'EnterpriseRegisterChangePublished': {
        const data = event.data as EventOf<'EnterpriseRegisterChangePublished'>;
        const enterprise = await enterprises.findOne({ _id: data.creditCode });
        if (!enterprise) return;
        const changes = enterprise.changes.map((c) => (c.sequence === data.sequence ? { ...c, publishedAt: data.publishedAt } : c));
        await enterprises.updateOne({ _id: data.creditCode }, { $set: { changes, hasPublishedChange: true } });
        return;
      }
    }
  },
};
