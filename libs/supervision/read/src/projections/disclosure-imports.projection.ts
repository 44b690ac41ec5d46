import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Projection, ReadStore } from '@gongkai/read-store';
import type { DisclosureImportEvent } from '@gongkai/supervision/domain';
import { DISCLOSURE_IMPORTS, type DisclosureImportDocument } from '../disclosure-import-document';

type EventOf<T extends DisclosureImportEvent['type']> = Extract<DisclosureImportEvent, { type: T }>['data'];

/** Bulk imports, for staff to follow; an import not complete keeps its rows out of every list. */
export const disclosureImportsProjection: Projection = {
  name: 'supervision.disclosure-imports',
  version: 1,
  collections: [DISCLOSURE_IMPORTS],
  indexes: { [DISCLOSURE_IMPORTS]: [{ keys: { status: 1 } }] },
  handles: ['DisclosureImportStarted', 'DisclosureImportCompleted', 'DisclosureImportPublicationRequested', 'DisclosureImportPublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const imports = store.collection<DisclosureImportDocument>(DISCLOSURE_IMPORTS);
    const { importId } = event.data as { importId: string };
    switch (event.type as DisclosureImportEvent['type']) {
      case 'DisclosureImportStarted': {
        const { agencyCode, departmentCode, category, fileName, rowCount, contentHash, startedAt } = event.data as EventOf<'DisclosureImportStarted'>;
        const document: DisclosureImportDocument = {
          _id: importId,
          agencyCode,
          departmentCode,
          category,
          fileName,
          rowCount,
          status: 'STARTED',
          contentHash,
          pendingReviewId: null,
          startedAt,
          startedBy: event.metadata.actor.id,
          completedAt: null,
          publishedAt: null,
        };
        await imports.replaceOne({ _id: importId }, document, { upsert: true });
        return;
      }
      case 'DisclosureImportCompleted':
        await imports.updateOne({ _id: importId }, { $set: { status: 'COMPLETED', completedAt: (event.data as EventOf<'DisclosureImportCompleted'>).completedAt } });
        return;
      case 'DisclosureImportPublicationRequested':
        await imports.updateOne({ _id: importId }, { $set: { status: 'PENDING_REVIEW', pendingReviewId: (event.data as EventOf<'DisclosureImportPublicationRequested'>).publicationRequest.reviewId } });
        return;
      case 'DisclosureImportPublished':
        await imports.updateOne({ _id: importId }, { $set: { status: 'PUBLISHED', pendingReviewId: null, publishedAt: (event.data as EventOf<'DisclosureImportPublished'>).publishedAt } });
        return;
    }
  },
};
