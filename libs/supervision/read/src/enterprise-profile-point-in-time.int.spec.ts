import type { Actor } from '@gongkai/kernel';
import { type DisclosureLedgerCommand, disclosureLedgerDecider, enterpriseDecider } from '@gongkai/supervision/domain';
import { DISCLOSURES, type DisclosureDocument } from './disclosure-document';
import { SupervisionHistory } from './supervision-history.fixtures';
import { disclosureFilterAsOf, viewDisclosureAsOf } from './supervision-point-in-time';
import { SupervisionQueries } from './supervision-queries';

const ENFORCEMENT: Actor = { id: 'demo-enforcement', roles: ['staff'], agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH' };
const SYSTEM: Actor = { id: 'system:test', roles: ['system'] };
const PAPER = '91445381MA4UK7L2XB';
const at = (date: string) => `${date}T02:00:00.000Z`;
const details = (facts: string) => ({ decisionNumber: '云环罚〔2026〕7号', facts, legalBasis: '水污染防治法第八十三条', penaltyKind: 'FINE', amountFen: 100_000, decidedOn: '2026-02-10' });

describe('An enterprise’s profile at a point in time (asOfInstant)', () => {
  let history: SupervisionHistory;
  let queries: SupervisionQueries;
  const ledger = (command: DisclosureLedgerCommand, now: string, actor: Actor = ENFORCEMENT) => history.decide(disclosureLedgerDecider, 'supervision.Disclosure-7', command, actor, now);
  const publish = async (version: number, publishedOn: string) => {
    const [requested] = await ledger({ type: 'RequestDisclosurePublication', data: { disclosureId: '7', expectedVersion: version, reviewId: `review-7-${version}` } }, at(publishedOn));
    const { contentHash } = requested.data as { contentHash: string };
    await ledger({ type: 'PublishReviewedDisclosure', data: { disclosureId: '7', version, contentHash, reviewId: `review-7-${version}` } }, at(publishedOn), SYSTEM);
  };
  const recordsAt = async (instant: string) =>
    (await history.store.collection<DisclosureDocument>(DISCLOSURES).find(disclosureFilterAsOf({ enterpriseCreditCode: PAPER }, instant))).map((doc) => viewDisclosureAsOf(doc, instant)?.details?.['facts']);

  /** Registered on 20 Feb; a penalty recorded on 27 Feb, published on 2 March, corrected and published on 5 March, revoked on 9 March. */
  beforeEach(async () => {
    history = new SupervisionHistory();
    await history.start();
    queries = new SupervisionQueries(history.store);
    await history.decide(enterpriseDecider, `supervision.Enterprise-${PAPER}`, { type: 'RegisterEnterprise', data: { creditCode: PAPER, enterprise: { name: '罗定纸业', address: '工业园', industry: '造纸', countyCode: '445381' } } }, ENFORCEMENT, at('2026-02-20'));
    const recorded = { disclosureId: '7', agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH', category: 'ADMINISTRATIVE_PENALTY', enterpriseCreditCode: PAPER, formedOn: '2026-02-10', title: '云环罚〔2026〕7号' };
    await ledger({ type: 'RecordDisclosure', data: { ...recorded, details: details('超标排放化学需氧量') } }, at('2026-02-27'));
    await publish(1, '2026-03-02');
    await ledger({ type: 'CorrectDisclosure', data: { disclosureId: '7', expectedVersion: 1, details: details('超标排放氨氮（更正）'), reason: '笔误' } }, at('2026-03-04'));
    await publish(2, '2026-03-05');
    await ledger({ type: 'RevokeDisclosure', data: { disclosureId: '7', reason: '复议撤销', decisionRevokedOn: '2026-03-09' } }, at('2026-03-09'));
  });

  it('knows the enterprise only from the first publication about it, and keeps knowing it after a revocation', async () => {
    expect(await queries.enterpriseAsOf(PAPER, at('2026-02-28'))).toBeNull();
    expect(await queries.enterpriseAsOf(PAPER, at('2026-03-03'))).toMatchObject({ creditCode: PAPER, name: '罗定纸业', blacklisted: false, changes: [] });
    expect(await queries.enterpriseAsOf(PAPER, at('2026-03-10'))).toMatchObject({ creditCode: PAPER });
    expect(await queries.enterpriseAsOf('91445300MA4UXXXXXX', at('2026-03-10'))).toBeNull();
  });

  it('lists the records about it as then published: none before, v1, then v2, and none after the revocation', async () => {
    expect(await recordsAt(at('2026-02-28'))).toEqual([]);
    expect(await recordsAt(at('2026-03-03'))).toEqual(['超标排放化学需氧量']);
    expect(await recordsAt(at('2026-03-06'))).toEqual(['超标排放氨氮（更正）']);
    expect(await recordsAt(at('2026-03-10'))).toEqual([]);
  });
});
