import { DeciderSpecification } from '@gongkai/kernel/testing';
import { importContentHash } from './disclosure-ids';
import { type DisclosureImportCommand, disclosureImportDecider } from './disclosure-import-decider';
import type { DisclosureImportEvent } from './disclosure-import-events';
import { MONITORING, SYSTEM } from './disclosure.fixtures';

const given = DeciderSpecification.for(disclosureImportDecider, { now: '2026-02-11T02:00:00Z', actor: MONITORING });
const importId = 'import-1';
const chunkHashes = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)];
const contentHash = importContentHash(importId, 'SUPERVISORY_MONITORING', 1001, chunkHashes);

const start = (change: Partial<Extract<DisclosureImportCommand, { type: 'StartDisclosureImport' }>['data']> = {}): DisclosureImportCommand => ({
  type: 'StartDisclosureImport',
  data: { importId, agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', fileName: '2026年1月.csv', rowCount: 1001, chunkHashes, ...change },
});
const started: DisclosureImportEvent = {
  type: 'DisclosureImportStarted',
  data: {
    importId,
    agencyCode: '445300',
    departmentCode: 'MONITORING_STATION',
    category: 'SUPERVISORY_MONITORING',
    fileName: '2026年1月.csv',
    rowCount: 1001,
    chunkHashes,
    contentHash,
    startedAt: '2026-02-11T02:00:00.000Z',
  },
};
const completed: DisclosureImportEvent = { type: 'DisclosureImportCompleted', data: { importId, rowCount: 1001, completedAt: '2026-02-11T02:00:00.000Z' } };
const request = (reviewId = 'review-1'): DisclosureImportCommand => ({ type: 'RequestDisclosureImportPublication', data: { importId, reviewId } });
const requested = given([started, completed]).when(request()).events()[0];

describe('A bulk import (批量导入) of one file', () => {
  it('declares its rows before they are written: count and the hash of each chunk of 500', () => {
    given([]).when(start()).then([started]);
    given([]).when(start({ chunkHashes: chunkHashes.slice(1) })).thenThrows('BAD_USER_INPUT', 'CHUNK_HASHES');
    given([]).when(start({ rowCount: 0 })).thenThrows('BAD_USER_INPUT', 'OUT_OF_RANGE');
  });

  it('is staff work within their agency and department', () => {
    given([]).when(start(), { actor: { id: 'anonymous', roles: ['public'] } }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    given([]).when(start({ departmentCode: 'PLANNING' })).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
  });

  it('cannot be reviewed before every chunk is written', () => {
    given([started]).when(request()).thenThrows('CONFLICT', 'IMPORT_NOT_COMPLETE');
  });

  it('completes once; a retry changes nothing', () => {
    given([started]).when({ type: 'CompleteDisclosureImport', data: { importId } }).then([completed]);
    given([started, completed]).when({ type: 'CompleteDisclosureImport', data: { importId } }).thenNothingHappened();
  });

  it('goes to one review as a whole, bound to the hash of all its rows', () => {
    expect(requested).toMatchObject({
      type: 'DisclosureImportPublicationRequested',
      data: { importId, contentHash, publicationRequest: { itemType: 'DISCLOSURE_IMPORT', itemId: importId, itemVersion: 1, contentHash, title: '批量导入：监督性监测 1001 条（2026年1月.csv）' } },
    });
  });

  it('may be submitted again after a rejection, replacing the earlier review', () => {
    expect(given([started, completed, requested]).when(request('review-2')).events()[0].data).toMatchObject({ withdrawnReviewId: 'review-1' });
  });

  it('publishes exactly what was reviewed, once', () => {
    const publish = (reviewId = 'review-1', hash = contentHash): DisclosureImportCommand => ({ type: 'PublishReviewedDisclosureImport', data: { importId, contentHash: hash, reviewId } });
    const [published] = given([started, completed, requested]).when(publish(), { actor: SYSTEM }).events();
    expect(published).toEqual({
      type: 'DisclosureImportPublished',
      data: { importId, reviewId: 'review-1', contentHash, chunkHashes, publishedAt: '2026-02-11T02:00:00.000Z' },
    });
    given([started, completed, requested, published]).when(publish(), { actor: SYSTEM }).thenNothingHappened();
    given([started, completed, requested]).when(publish('review-0'), { actor: SYSTEM }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    given([started, completed, requested]).when(publish()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
