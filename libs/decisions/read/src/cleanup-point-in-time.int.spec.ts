import { normativeRegisterDecider, type NormativeRegisterCommand } from '@gongkai/decisions/domain';
import { type Actor, systemActor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { cleanupCampaignAsOf, cleanupCampaignsFilterAsOf } from './decisions-point-in-time';
import { CLEANUP_CAMPAIGNS, type CleanupCampaignDocument } from './normative-register-documents';
import { normativeRegisterProjection } from './normative-register.projection';

const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const STREAM = 'decisions.NormativeDocumentRegister-445300';
const at = (day: string) => `${day}T04:00:00.000Z`;

describe('A clean-up (清理) at a point in time (asOfInstant)', () => {
  const store = new InMemoryReadStore();
  const history = new EventHistory();
  const decide = (command: NormativeRegisterCommand, day: string, actor: Actor = regulations) => history.decide(normativeRegisterDecider, STREAM, command, actor, at(day));
  const campaigns = () => store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS);
  const k1 = async () => (await campaigns().findOne({ _id: 'k1' }))!;

  /** Opened on 5 Jan, concluded and sent to review on 6 Jan, published on 8 Jan; then a campaign never published. */
  beforeAll(async () => {
    decide({ type: 'RegisterNormativeDocument', data: { agencyCode: '445300', documentId: 'a', document: { number: '云环〔2024〕1号', title: '行政执法公示办法', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2024-02-29' } } }, '2026-01-02');
    decide({ type: 'RegisterNormativeDocument', data: { agencyCode: '445300', documentId: 'c', document: { number: '云环〔2023〕3号', title: '环境信用评价办法', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2023-01-01' } } }, '2026-01-02');
    decide({ type: 'OpenCleanupCampaign', data: { agencyCode: '445300', campaignId: 'k1', title: '2026年清理' } }, '2026-01-05');
    decide({ type: 'ConcludeCleanupItem', data: { agencyCode: '445300', campaignId: 'k1', documentId: 'a', conclusion: 'KEEP' } }, '2026-01-06');
    decide({ type: 'ConcludeCleanupItem', data: { agencyCode: '445300', campaignId: 'k1', documentId: 'c', conclusion: 'REPEAL', reason: '已被替代' } }, '2026-01-06');
    decide({ type: 'RequestCleanupResultPublication', data: { agencyCode: '445300', campaignId: 'k1', reviewId: 'rk1' } }, '2026-01-06');
    const request = history.lastPublicationRequest(STREAM);
    decide(
      { type: 'PublishReviewedCleanupResult', data: { agencyCode: '445300', campaignId: 'k1', version: request.itemVersion, contentHash: request.contentHash, reviewId: request.reviewId } },
      '2026-01-08',
      systemActor('decisions.publication'),
    );
    decide({ type: 'OpenCleanupCampaign', data: { agencyCode: '445300', campaignId: 'k2', title: '2026年专项清理' } }, '2026-01-09');
    await history.project(store, normativeRegisterProjection);
  });

  it('gives nothing while the campaign was at work or under review, and the published results from their publication', async () => {
    expect(cleanupCampaignAsOf(await k1(), at('2026-01-05'))).toBeNull();
    expect(cleanupCampaignAsOf(await k1(), at('2026-01-07'))).toBeNull();
    const then = cleanupCampaignAsOf(await k1(), at('2026-01-09'));
    expect(then).toMatchObject({ status: 'PUBLISHED', pendingReviewId: null, pendingResults: null, published: { publishedAt: at('2026-01-08') } });
    expect(then?.items.map((item) => [item.documentId, item.conclusion]).sort()).toEqual([
      ['a', 'KEEP'],
      ['c', 'REPEAL'],
    ]);
  });

  it('lists only the campaigns whose results had been published by the instant', async () => {
    const listedAt = async (instant: string) => (await campaigns().find(cleanupCampaignsFilterAsOf(instant))).map((c) => c._id);
    expect(await listedAt(at('2026-01-07'))).toEqual([]);
    expect(await listedAt(at('2026-01-10'))).toEqual(['k1']);
    expect((await campaigns().findOne({ _id: 'k2' }))?.publicationHistory).toEqual([]);
  });
});
