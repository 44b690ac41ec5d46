import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import type { Actor } from '@gongkai/kernel';
import { type CommandEnvelope, InProcessCommandBus } from '@gongkai/messaging';
import { importedDisclosureId } from '@gongkai/supervision/domain';
import { reviewApproved, startWriteSide } from '@gongkai/messaging/testing';
import { publishImportedChunks } from './sagas/publish-imported-chunks';
import { publishReviewedSupervisionItems } from './sagas/publish-reviewed-supervision-items';
import { disclosureImportStreamId, disclosureStreamId, enterpriseStreamId, importChunkStreamId, SUPERVISION_ROUTES } from './supervision-routes';

/**
 * The write side without Nest: the real routes and deciders over an SQLite store, the process
 * managers, and a stand-in for oversight that records what it is told.
 */
const MONITORING: Actor = { id: 'demo-monitoring', roles: ['staff'], agencyCode: '445300', departmentCode: 'MONITORING_STATION' };
const CEMENT = '91445302707712343T';

describe('The supervision write side: routes and process managers', () => {
  let store: SqliteEventStore;
  let bus: InProcessCommandBus;
  let oversight: CommandEnvelope[];

  const send = (type: string, data: object, actor: Actor = MONITORING) => bus.send({ context: CONTEXTS.supervision, type, data, metadata: { actor, correlationId: 'test' } });
  const lastEventOf = async (streamId: string) => (await store.readStream(streamId)).at(-1) as RecordedEvent;
  const rows = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      row: from + i,
      enterpriseCreditCode: CEMENT,
      formedOn: '2026-02-27',
      title: `第${from + i}行`,
      details: { outlet: '1号排放口', pollutant: '颗粒物', measuredValue: 20, unit: 'mg/m³', limit: 30, sampledAt: '2026-02-26T02:00:00.000Z' },
    }));

  beforeEach(async () => {
    ({ store, bus, oversight } = await startWriteSide(CONTEXTS.supervision, SUPERVISION_ROUTES, { now: () => new Date('2026-03-02T02:00:00Z') }));
  });

  afterEach(async () => {
    await bus.close();
    await store.close();
  });

  it('keeps an enterprise in one stream whatever the case of its code', async () => {
    const enterprise = { name: '云城水泥', address: '云城', countyCode: '445302', industry: '水泥' };
    await send('RegisterEnterprise', { creditCode: CEMENT.toLowerCase(), enterprise });
    await expect(send('RegisterEnterprise', { creditCode: CEMENT, enterprise })).rejects.toMatchObject({ code: 'CONFLICT', rule: 'ENTERPRISE_EXISTS' });
    expect((await store.readStream(enterpriseStreamId(CEMENT))).map((e) => e.type)).toEqual(['EnterpriseRegistered']);
  });

  it('routes an imported row to its chunk, and a record entered alone to its own stream', () => {
    expect(disclosureStreamId(importedDisclosureId('imp', 2))).toBe(importChunkStreamId('imp', 0));
    expect(disclosureStreamId(importedDisclosureId('imp', 502))).toBe(importChunkStreamId('imp', 1));
    expect(disclosureStreamId('3f1c…')).toBe('supervision.Disclosure-3f1c…');
  });

  it('publishes an approved import chunk by chunk, and tells oversight it is published', async () => {
    const importId = 'import-1';
    const chunks = [rows(2, 500), rows(502, 3)];
    const chunkHashes: string[] = [];
    for (const [chunk, chunkRows] of chunks.entries()) {
      await send('ImportDisclosureChunk', { importId, chunk, agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', rows: chunkRows });
      chunkHashes.push(((await lastEventOf(importChunkStreamId(importId, chunk))).data as { chunkHash: string }).chunkHash);
    }
    const start = { importId, agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', fileName: 'm.csv', rowCount: 503, chunkHashes };
    await send('StartDisclosureImport', start);
    await send('CompleteDisclosureImport', { importId });
    await send('RequestDisclosureImportPublication', { importId, reviewId: 'review-1' });
    const { publicationRequest } = (await lastEventOf(disclosureImportStreamId(importId))).data as { publicationRequest: PublicationSubject };

    await publishReviewedSupervisionItems(bus).handle(reviewApproved(publicationRequest));
    const published = await lastEventOf(disclosureImportStreamId(importId));
    expect(published.type).toBe('DisclosureImportPublished');
    expect(oversight.map((c) => c.type)).toEqual(['RecordReviewedVersionPublished']);

    // A redelivery of the import's publication publishes nothing twice.
    for (let i = 0; i < 2; i++) await publishImportedChunks(bus).handle(published);
    for (const chunk of [0, 1]) {
      const events = await store.readStream(importChunkStreamId(importId, chunk));
      expect(events.filter((e) => e.type === 'ImportedDisclosuresPublished')).toHaveLength(1);
    }
  });

  it('supersedes the review when the record changed after it was approved', async () => {
    const details = { outlet: '1号排放口', pollutant: '颗粒物', measuredValue: 20, unit: 'mg/m³', limit: 30, sampledAt: '2026-02-26T02:00:00.000Z' };
    const record = { disclosureId: 'r-1', agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', enterpriseCreditCode: CEMENT, formedOn: '2026-02-27', title: '颗粒物', details };
    await send('RecordDisclosure', record);
    await send('RequestDisclosurePublication', { disclosureId: 'r-1', expectedVersion: 1, reviewId: 'review-r1' });
    const { publicationRequest } = (await lastEventOf(disclosureStreamId('r-1'))).data as { publicationRequest: PublicationSubject };
    await send('CorrectDisclosure', { disclosureId: 'r-1', expectedVersion: 1, details: { ...details, measuredValue: 21 }, reason: '复核' });
    await publishReviewedSupervisionItems(bus).handle(reviewApproved(publicationRequest));
    expect(oversight.map((c) => [c.type, (c.data as { reviewId: string }).reviewId])).toEqual([['SupersedePublicationReview', 'review-r1']]);
  });
});
