import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Projection } from './projection';
import type { ReadDocument, ReadStore } from './read-store';

let nextPosition = 0;

export function event(type: string, streamId: string, revision: number, data: Record<string, unknown> = {}, globalPosition = ++nextPosition * 10): RecordedEvent {
  return {
    id: `${streamId}@${revision}`,
    type,
    schemaVersion: 1,
    occurredAt: '2025-03-01T08:00:00.000Z',
    streamId,
    revision,
    globalPosition,
    data,
    metadata: { actor: { id: 'official-1', roles: [] }, correlationId: 'c-1', causationId: null },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

export interface NoticeRow extends ReadDocument {
  readonly title: string;
  readonly status: string;
  readonly tags: readonly string[];
}

/**
 * Notices, written with operators that are not idempotent on their own ($push, $inc), so that a
 * second application of any event would show.
 */
export function noticesProjection(version = 1, calls: RecordedEvent[] = []): Projection {
  return {
    name: 'notices',
    version,
    collections: ['notices', 'tag_counts'],
    indexes: { notices: [{ keys: { title: 1 }, unique: true }] },
    handles: ['NoticeDrafted', 'NoticeTagged', 'NoticePublished'],
    async apply(e: RecordedEvent, store: ReadStore) {
      calls.push(e);
      const data = e.data as { title?: string; tag?: string };
      const notices = store.collection<NoticeRow>('notices');
      if (e.type === 'NoticeDrafted') {
        const title = version === 1 ? String(data.title) : String(data.title).toUpperCase();
        await notices.replaceOne({ _id: e.streamId }, { _id: e.streamId, title, status: 'DRAFT', tags: [] }, { upsert: true });
      } else if (e.type === 'NoticeTagged') {
        await notices.updateOne({ _id: e.streamId }, { $push: { tags: data.tag } });
        await store.collection('tag_counts').updateOne({ _id: String(data.tag) }, { $inc: { count: 1 } }, { upsert: true });
      } else {
        await notices.updateOne({ _id: e.streamId }, { $set: { status: 'PUBLISHED' } });
      }
    },
  };
}

/** A second read model that counts publications only, to see that others' events still advance it. */
export function publicationsProjection(): Projection {
  return {
    name: 'publications',
    version: 1,
    collections: ['publications'],
    handles: ['NoticePublished'],
    async apply(e: RecordedEvent, store: ReadStore) {
      await store.collection('publications').updateOne({ _id: 'all' }, { $inc: { count: 1 }, $push: { streams: e.streamId } }, { upsert: true });
    },
  };
}

export function history(): RecordedEvent[] {
  return [
    event('NoticeDrafted', 'n-1', 0, { title: 'Water report' }),
    event('NoticeDrafted', 'n-2', 0, { title: 'Air permit' }),
    event('NoticeTagged', 'n-1', 1, { tag: 'water' }),
    event('AgencyRenamed', 'agency-1', 0, { name: 'EPB' }),
    event('NoticeTagged', 'n-2', 1, { tag: 'water' }),
    event('NoticePublished', 'n-1', 2),
    event('NoticeTagged', 'n-1', 3, { tag: 'report' }),
  ];
}

/** Everything the projections wrote, to compare two stores. */
export async function snapshot(store: ReadStore): Promise<Record<string, unknown>> {
  const sort = { sort: { _id: 1 } } as const;
  return {
    notices: await store.collection('notices').find({}, sort),
    tagCounts: await store.collection('tag_counts').find({}, sort),
    publications: await store.collection('publications').find({}, sort),
  };
}
