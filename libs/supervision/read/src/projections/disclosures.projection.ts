import type { RecordedEvent } from '@gongkai/event-sourcing';
import { findAgency } from '@gongkai/kernel';
import { type Projection, type ReadCollection, type ReadStore, withPublication, withPublicationEnded } from '@gongkai/read-store';
import { chunkOfRow, type DisclosureLedgerEvent, FIRST_DATA_ROW, IMPORT_CHUNK_ROWS, importedDisclosureId, isLate } from '@gongkai/supervision/domain';
import { DISCLOSURES, type DisclosureDocument } from '../disclosure-document';
import { ENTERPRISES, type EnterpriseDocument } from '../enterprise-document';
import { enterpriseMonthOf } from '../disclosure-search';
import { versionContent } from './disclosure-content-doc';

type EventOf<T extends DisclosureLedgerEvent['type']> = Extract<DisclosureLedgerEvent, { type: T }>['data'];
type Created = EventOf<'DisclosureRecorded'> & { importId?: string };

/** A new record: the enterprise's name and county are copied in, so that a search needs no join. */
const created = async (data: Created, event: RecordedEvent, store: ReadStore): Promise<DisclosureDocument> => {
  const enterprise = data.enterpriseCreditCode ? await store.collection<EnterpriseDocument>(ENTERPRISES).findOne({ _id: data.enterpriseCreditCode }) : null;
  const countyBureau = findAgency(data.agencyCode)?.level === 'COUNTY' ? data.agencyCode : null;
  return {
    _id: data.disclosureId,
    agencyCode: data.agencyCode,
    departmentCode: data.departmentCode,
    category: data.category,
    enterpriseCreditCode: data.enterpriseCreditCode,
    enterpriseName: enterprise?.name ?? null,
    countyCode: enterprise?.countyCode ?? countyBureau,
    title: data.title,
    formedOn: data.formedOn,
    enterpriseMonth: enterpriseMonthOf(data.enterpriseCreditCode, data.formedOn),
    importId: data.importId ?? null,
    status: 'DRAFT',
    version: 1,
    current: versionContent(1, data.details, data.publicationDueOn),
    published: null,
    pendingReviewId: null,
    versions: [{ version: 1, reason: '', at: event.occurredAt, publishedAt: null }],
    revocation: null,
    listedPublicly: false,
    publicationHistory: [],
    updatedAt: event.occurredAt,
  };
};

const markPublished = async (
  records: ReadCollection<DisclosureDocument>,
  record: DisclosureDocument,
  publication: { version: number; reviewId: string; publishedAt: string; publishedOn: string; late: boolean },
  at: string,
): Promise<void> => {
  const content = record.current; // the version published is the current one: the decider refused anything else
  const published = { ...publication, content };
  await records.updateOne(
    { _id: record._id },
    {
      $set: {
        status: 'PUBLISHED',
        pendingReviewId: null,
        published,
        publicationHistory: withPublication(record.publicationHistory, published, publication.publishedAt),
        versions: record.versions.map((v) => (v.version === publication.version ? { ...v, publishedAt: publication.publishedAt } : v)),
        listedPublicly: true,
        updatedAt: at,
      },
    },
  );
};

/** Every row of one chunk, found by id: the ids follow from the import and the row numbers. */
const chunkRows = async (records: ReadCollection<DisclosureDocument>, importId: string, chunk: number): Promise<DisclosureDocument[]> => {
  const first = FIRST_DATA_ROW + chunk * IMPORT_CHUNK_ROWS;
  const found: DisclosureDocument[] = [];
  for (let row = first; row < first + IMPORT_CHUNK_ROWS && chunkOfRow(row) === chunk; row++) {
    const record = await records.findOne({ _id: importedDisclosureId(importId, row) });
    if (record) found.push(record);
  }
  return found;
};

/** The disclosure records read model: one document per record, its public version beside its current one. */
export const disclosuresProjection: Projection = {
  name: 'supervision.disclosures',
  version: 2,
  collections: [DISCLOSURES],
  indexes: {
    // Equality on the first key narrows a search; the enterprise is the most selective, then the category.
    [DISCLOSURES]: [
      { keys: { enterpriseMonth: 1 } },
      { keys: { enterpriseCreditCode: 1, formedOn: -1 } },
      { keys: { category: 1, formedOn: -1 } },
      { keys: { agencyCode: 1, status: 1 } },
    ],
  },
  handles: [
    'DisclosureRecorded',
    'DisclosureImported',
    'DisclosureCorrected',
    'DisclosureRevoked',
    'DisclosurePublicationRequested',
    'DisclosurePublished',
    'ImportedDisclosuresPublished',
  ],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const records = store.collection<DisclosureDocument>(DISCLOSURES);
    const at = event.occurredAt;
    const type = event.type as DisclosureLedgerEvent['type'];
    if (type === 'DisclosureRecorded' || type === 'DisclosureImported') {
      const document = await created(event.data as Created, event, store);
      await records.replaceOne({ _id: document._id }, document, { upsert: true });
      return;
    }
    if (type === 'ImportedDisclosuresPublished') {
      const data = event.data as EventOf<'ImportedDisclosuresPublished'>;
      const skipped = new Set(data.skippedIds);
      for (const record of await chunkRows(records, data.importId, data.chunk)) {
        if (skipped.has(record._id)) continue;
        const { reviewId, publishedAt, publishedOn } = data;
        await markPublished(records, record, { version: 1, reviewId, publishedAt, publishedOn, late: isLate(record.current.publicationDueOn, publishedOn) }, at);
      }
      return;
    }
    const { disclosureId } = event.data as { disclosureId: string };
    const record = await records.findOne({ _id: disclosureId });
    if (!record) return;
    switch (type) {
      case 'DisclosureCorrected': {
        const data = event.data as EventOf<'DisclosureCorrected'>;
        await records.updateOne(
          { _id: disclosureId },
          {
            $set: { status: 'DRAFT', version: data.version, current: versionContent(data.version, data.details, data.publicationDueOn), pendingReviewId: null, updatedAt: at },
            $push: { versions: { version: data.version, reason: data.reason, at, publishedAt: null } },
          },
        );
        return;
      }
      case 'DisclosureRevoked': {
        const { reason, revokedAt, revokedOn, decisionRevokedOn, withdrawalDueOn } = event.data as EventOf<'DisclosureRevoked'>;
        const revocation = { reason, revokedAt, revokedOn, decisionRevokedOn: decisionRevokedOn ?? null, withdrawalDueOn: withdrawalDueOn ?? null };
        const publicationHistory = withPublicationEnded(record.publicationHistory, revokedAt);
        await records.updateOne({ _id: disclosureId }, { $set: { status: 'REVOKED', revocation, pendingReviewId: null, listedPublicly: false, publicationHistory, updatedAt: at } });
        return;
      }
      case 'DisclosurePublicationRequested': {
        const data = event.data as EventOf<'DisclosurePublicationRequested'>;
        await records.updateOne({ _id: disclosureId }, { $set: { status: 'PENDING_REVIEW', pendingReviewId: data.publicationRequest.reviewId, updatedAt: at } });
        return;
      }
      case 'DisclosurePublished': {
        const { version, reviewId, publishedAt, publishedOn, late } = event.data as EventOf<'DisclosurePublished'>;
        await markPublished(records, record, { version, reviewId, publishedAt, publishedOn, late }, at);
        return;
      }
    }
  },
};
