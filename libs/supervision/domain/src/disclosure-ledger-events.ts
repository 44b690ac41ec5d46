import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { LocalDate } from '@gongkai/kernel';
import type { Details } from './category-rules';
import type { DisclosureCategory } from './disclosure-categories';

/** Who the record belongs to, and what it is: fixed for the record's life. */
export interface DisclosureIdentity {
  readonly disclosureId: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly category: DisclosureCategory;
  readonly enterpriseCreditCode: string | null;
  readonly formedOn: LocalDate;
  readonly title: string;
}

/**
 * Disclosure records (监管信息) of one ledger: a record entered on its own, or one chunk of a bulk
 * import. Corrections and revocations are new events beside the original, never edits of it.
 */
export type DisclosureLedgerEvent =
  | { type: 'DisclosureRecorded'; data: DisclosureIdentity & { details: Details; publicationDueOn: LocalDate } }
  | { type: 'DisclosureImported'; data: DisclosureIdentity & { importId: string; row: number; details: Details; publicationDueOn: LocalDate } }
  | { type: 'DisclosureImportChunkRecorded'; data: { importId: string; chunk: number; rowCount: number; chunkHash: string } }
  | {
      type: 'DisclosureCorrected';
      data: { disclosureId: string; version: number; details: Details; reason: string; correctedOn: LocalDate; publicationDueOn: LocalDate } & Partial<ReviewWithdrawalMarker>;
    }
  | {
      type: 'DisclosureRevoked';
      data: {
        disclosureId: string;
        reason: string;
        revokedAt: string;
        revokedOn: LocalDate;
        /** For a penalty: the day the decision itself was revoked or changed, and the last day to withdraw (APL Art. 48). */
        decisionRevokedOn?: LocalDate;
        withdrawalDueOn?: LocalDate;
      } & Partial<ReviewWithdrawalMarker>;
    }
  | { type: 'DisclosurePublicationRequested'; data: { disclosureId: string; version: number; contentHash: string } & PublicationRequestMarker }
  | {
      type: 'DisclosurePublished';
      data: { disclosureId: string; version: number; contentHash: string; reviewId: string; publishedAt: string; publishedOn: LocalDate; late: boolean };
    }
  | {
      type: 'ImportedDisclosuresPublished';
      data: { importId: string; chunk: number; reviewId: string; publishedAt: string; publishedOn: LocalDate; skippedIds: readonly string[] };
    };

export const DISCLOSURE_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REVOKED'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export interface DisclosureRecordState extends DisclosureIdentity {
  readonly importId: string | null;
  readonly status: DisclosureStatus;
  readonly version: number;
  readonly details: Details;
  readonly publicationDueOn: LocalDate;
  readonly pendingReviewId?: string;
  readonly pendingContentHash?: string;
  /** The version the public sees; a later correction does not unpublish it. */
  readonly publishedVersion?: number;
}

export interface DisclosureLedgerState {
  readonly records: ReadonlyMap<string, DisclosureRecordState>;
  /** Set when the ledger is a chunk of a bulk import. */
  readonly chunk?: { readonly importId: string; readonly chunk: number; readonly chunkHash: string; readonly published: boolean };
}

export const initialDisclosureLedgerState = (): DisclosureLedgerState => ({ records: new Map() });

const withRecord = (state: DisclosureLedgerState, id: string, change: (record: DisclosureRecordState) => DisclosureRecordState): DisclosureLedgerState => {
  const record = state.records.get(id);
  if (!record) return state;
  return { ...state, records: new Map(state.records).set(id, change(record)) };
};

const created = (state: DisclosureLedgerState, record: DisclosureRecordState): DisclosureLedgerState => ({
  ...state,
  records: new Map(state.records).set(record.disclosureId, record),
});

const NOT_PENDING = { pendingReviewId: undefined, pendingContentHash: undefined };

export const evolveDisclosureLedger = (state: DisclosureLedgerState, event: DisclosureLedgerEvent): DisclosureLedgerState => {
  switch (event.type) {
    case 'DisclosureRecorded':
      return created(state, { ...event.data, importId: null, status: 'DRAFT', version: 1 });
    case 'DisclosureImported': {
      const { row: _row, ...record } = event.data;
      return created(state, { ...record, status: 'DRAFT', version: 1 });
    }
    case 'DisclosureImportChunkRecorded':
      return { ...state, chunk: { importId: event.data.importId, chunk: event.data.chunk, chunkHash: event.data.chunkHash, published: false } };
    case 'DisclosureCorrected':
      return withRecord(state, event.data.disclosureId, (r) => ({
        ...r,
        ...NOT_PENDING,
        status: 'DRAFT',
        version: event.data.version,
        details: event.data.details,
        publicationDueOn: event.data.publicationDueOn,
      }));
    case 'DisclosureRevoked':
      return withRecord(state, event.data.disclosureId, (r) => ({ ...r, ...NOT_PENDING, status: 'REVOKED' }));
    case 'DisclosurePublicationRequested':
      return withRecord(state, event.data.disclosureId, (r) => ({
        ...r,
        status: 'PENDING_REVIEW',
        pendingReviewId: event.data.publicationRequest.reviewId,
        pendingContentHash: event.data.contentHash,
      }));
    case 'DisclosurePublished':
      return withRecord(state, event.data.disclosureId, (r) => ({ ...r, ...NOT_PENDING, status: 'PUBLISHED', publishedVersion: event.data.version }));
    case 'ImportedDisclosuresPublished': {
      const skipped = new Set(event.data.skippedIds);
      const records = new Map(state.records);
      for (const record of state.records.values()) {
        if (!skipped.has(record.disclosureId)) records.set(record.disclosureId, { ...record, status: 'PUBLISHED', publishedVersion: 1 });
      }
      return { records, ...(state.chunk ? { chunk: { ...state.chunk, published: true } } : {}) };
    }
  }
};
