import type { KeyWorkItemEvent } from '@gongkai/decisions/domain';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Projection, ReadStore } from '@gongkai/read-store';
import { KEY_WORK_ITEMS, type KeyWorkItemDocument } from './key-work-item-document';

type EventOf<T extends KeyWorkItemEvent['type']> = Extract<KeyWorkItemEvent, { type: T }>['data'];

/** Key work items and their progress reports (执行公开). */
export const keyWorkItemsProjection: Projection = {
  name: 'decisions.key-work-items',
  version: 1,
  collections: [KEY_WORK_ITEMS],
  indexes: { [KEY_WORK_ITEMS]: [{ keys: { agencyCode: 1, kind: 1 } }, { keys: { publishedReports: 1 } }] },
  handles: ['KeyWorkItemCreated', 'KeyWorkProgressReported', 'KeyWorkProgressPublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const items = store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS);
    const at = event.occurredAt;
    switch (event.type as KeyWorkItemEvent['type']) {
      case 'KeyWorkItemCreated': {
        const { workItemId, agencyCode, item } = event.data as EventOf<'KeyWorkItemCreated'>;
        await items.replaceOne({ _id: workItemId }, { _id: workItemId, agencyCode, ...item, reports: [], publishedReports: 0, createdAt: at, updatedAt: at }, { upsert: true });
        return;
      }
      case 'KeyWorkProgressReported': {
        const { workItemId, reportNumber, report, reportedAt, contentHash, publicationRequest } = event.data as EventOf<'KeyWorkProgressReported'>;
        const entry = { ...report, number: reportNumber, reportedAt, reviewId: publicationRequest.reviewId, contentHash, publishedAt: null };
        await items.updateOne({ _id: workItemId }, { $push: { reports: entry }, $set: { updatedAt: at } });
        return;
      }
      case 'KeyWorkProgressPublished': {
        const { workItemId, reportNumber, publishedAt } = event.data as EventOf<'KeyWorkProgressPublished'>;
        const item = await items.findOne({ _id: workItemId });
        if (!item) return;
        const reports = item.reports.map((report) => (report.number === reportNumber ? { ...report, publishedAt } : report));
        await items.updateOne({ _id: workItemId }, { $set: { reports, publishedReports: reports.filter((r) => r.publishedAt).length, updatedAt: at } });
        return;
      }
    }
  },
};
