import { addCalendarDays } from '@gongkai/calendar';
import { DOCUMENT_STATUSES, normativeRegisterDecider, type NormativeRegisterCommand } from '@gongkai/decisions/domain';
import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { CLEANUP_CAMPAIGNS, type CleanupCampaignDocument, NORMATIVE_DOCUMENTS, type NormativeDocumentDocument } from './normative-register-documents';
import { normativeRegisterProjection } from './normative-register.projection';
import { annualFigureFilters, cleanupCampaignsFilter, registerFilter, viewCleanupCampaign, viewNormativeDocument } from './normative-register-queries';

const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const STREAM = 'decisions.NormativeDocumentRegister-445300';

describe('The register of normative documents, read on any day', () => {
  let store: InMemoryReadStore;
  let history: EventHistory;
  const decide = (command: NormativeRegisterCommand, day: string, actor: Actor = regulations) => history.decide(normativeRegisterDecider, STREAM, command, actor, `${day}T04:00:00Z`);
  const register = (documentId: string, number: string, title: string, issuedOn: string, day = '2026-01-05') =>
    decide({ type: 'RegisterNormativeDocument', data: { agencyCode: '445300', documentId, document: { number, title, issuingDepartmentCode: 'REGULATIONS', issuedOn } } }, day);
  const documents = () => store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS);
  const idsOf = async (filter: Record<string, unknown>) => (await documents().find(filter, { sort: { _id: 1 } })).map((d) => d._id);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    history = new EventHistory();
    register('a', '云环〔2024〕1号', '云浮市环境保护局行政执法公示办法', '2024-02-29'); // valid to 2029-02-28
    register('b', '云环〔2025〕2号', '云浮市排污许可管理暂行规定', '2025-06-01'); // interim: valid to 2027-05-31
    register('c', '云环〔2023〕3号', '云浮市环境信用评价办法', '2023-01-01'); // valid to 2027-12-31
    register('d', '云环〔2022〕4号', '云浮市环保举报奖励办法', '2022-03-01'); // valid to 2027-02-28
    decide({ type: 'AmendNormativeDocument', data: { agencyCode: '445300', documentId: 'c', amendedOn: '2025-01-01', summary: '修改第三条' } }, '2026-01-05');
    decide({ type: 'RepealNormativeDocument', data: { agencyCode: '445300', documentId: 'd', repealedOn: '2024-06-30', reason: '上位法废止' } }, '2026-01-05');
    await history.project(store, normativeRegisterProjection);
  });

  it('expires a document on the day after its last valid day, by asOf alone', async () => {
    expect(await idsOf(registerFilter({ status: 'IN_FORCE', asOf: '2027-05-31', search: '排污许可' }))).toEqual(['b']);
    expect(await idsOf(registerFilter({ status: 'EXPIRED', asOf: '2027-06-01', search: '排污许可' }))).toEqual(['b']);
    const b = (await documents().findOne({ _id: 'b' }))!;
    expect(viewNormativeDocument(b, '2027-05-31')?.status).toBe('IN_FORCE');
    expect(viewNormativeDocument(b, '2027-06-01')?.status).toBe('EXPIRED');
    expect(viewNormativeDocument(b, '2025-05-31')).toBeNull();
  });

  it('agrees with the domain’s derivation for every status on every day around the boundaries', async () => {
    const all = await documents().find({});
    const days = ['2022-02-28', '2022-03-01', '2024-02-28', '2024-02-29', '2024-06-29', '2024-06-30', '2024-12-31', '2025-01-01', '2025-06-01', '2027-02-28', '2027-03-01', '2027-05-31', '2027-06-01', '2029-02-28', '2029-03-01'];
    for (const asOf of days) {
      for (const status of DOCUMENT_STATUSES) {
        const expected = all.filter((d) => viewNormativeDocument(d, asOf)?.status === status).map((d) => d._id).sort();
        expect({ asOf, status, ids: await idsOf(registerFilter({ status, asOf })) }).toEqual({ asOf, status, ids: expected });
      }
      const issued = all.filter((d) => viewNormativeDocument(d, asOf)).map((d) => d._id).sort();
      expect(await idsOf(registerFilter({ asOf }))).toEqual(issued);
    }
  });

  it('finds documents by number or title', async () => {
    expect(await idsOf(registerFilter({ asOf: '2026-01-05', search: '〔2023〕' }))).toEqual(['c']);
    expect(await idsOf(registerFilter({ asOf: '2026-01-05', search: '举报' }))).toEqual(['d']);
    expect(await idsOf(registerFilter({ asOf: '2026-01-05', search: '.*' }))).toEqual([]);
  });

  it('counts for the annual report what was issued, repealed and in force at year end', async () => {
    const figures = annualFigureFilters(2024);
    expect(await documents().count(figures.issued)).toBe(1);
    expect(await documents().count(figures.repealed)).toBe(1);
    expect(await idsOf(figures.inForce)).toEqual(['a', 'c']);
    expect(await idsOf(annualFigureFilters(2025).inForce)).toEqual(['a', 'b', 'c']);
  });

  it('publishes a clean-up’s results to the public only after review, and repeals what it repeals', async () => {
    const from = history.events.length;
    decide({ type: 'OpenCleanupCampaign', data: { agencyCode: '445300', campaignId: 'k1', title: '2026年清理' } }, '2026-01-05');
    decide({ type: 'ConcludeCleanupItem', data: { agencyCode: '445300', campaignId: 'k1', documentId: 'a', conclusion: 'KEEP' } }, '2026-01-06');
    decide({ type: 'ConcludeCleanupItem', data: { agencyCode: '445300', campaignId: 'k1', documentId: 'b', conclusion: 'AMEND', reason: '需与新法衔接' } }, '2026-01-06');
    decide({ type: 'ConcludeCleanupItem', data: { agencyCode: '445300', campaignId: 'k1', documentId: 'c', conclusion: 'REPEAL', reason: '已被替代' } }, '2026-01-06');
    decide({ type: 'RequestCleanupResultPublication', data: { agencyCode: '445300', campaignId: 'k1', reviewId: 'rk1' } }, '2026-01-06');
    await history.project(store, normativeRegisterProjection, from);
    const campaigns = store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS);
    expect(await campaigns.count(cleanupCampaignsFilter(ANONYMOUS))).toBe(0);
    expect(viewCleanupCampaign((await campaigns.findOne({ _id: 'k1' }))!, ANONYMOUS)).toBeNull();
    expect(viewCleanupCampaign((await campaigns.findOne({ _id: 'k1' }))!, regulations)).toMatchObject({ status: 'PENDING_REVIEW', pendingReviewId: 'rk1' });

    const published = history.events.length;
    const request = history.lastPublicationRequest(STREAM);
    decide(
      { type: 'PublishReviewedCleanupResult', data: { agencyCode: '445300', campaignId: 'k1', version: request.itemVersion, contentHash: request.contentHash, reviewId: request.reviewId } },
      '2026-01-08',
      systemActor('decisions.publication'),
    );
    await history.project(store, normativeRegisterProjection, published);
    const view = viewCleanupCampaign((await campaigns.findOne({ _id: 'k1' }))!, ANONYMOUS);
    expect(view?.published?.results.counts).toEqual([
      { conclusion: 'KEEP', documents: 1 },
      { conclusion: 'AMEND', documents: 1 },
      { conclusion: 'REPEAL', documents: 1 },
    ]);
    expect(view?.pendingReviewId).toBeNull();
    const c = (await documents().findOne({ _id: 'c' }))!;
    expect(c.repeal).toEqual({ reason: '已被替代', campaignId: 'k1', recordedAt: '2026-01-08T04:00:00.000Z' });
    expect(viewNormativeDocument(c, '2026-01-07')?.status).toBe('AMENDED');
    expect(viewNormativeDocument(c, '2026-01-08')?.status).toBe('REPEALED');
    expect(addCalendarDays(c.validUntil, 1)).toBe('2028-01-01');
  });
});
