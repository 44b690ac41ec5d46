import type { Actor } from '@gongkai/kernel';
import { publicAtFilter } from '@gongkai/read-store';
import { type DisclosureLedgerCommand, disclosureLedgerDecider, enterpriseDecider } from '@gongkai/supervision/domain';
import { DISCLOSURES, type DisclosureDocument } from './disclosure-document';
import { ENTERPRISES, type EnterpriseDocument } from './enterprise-document';
import { blacklistAsOf, viewEnterprise } from './enterprise-visibility';
import { disclosureFilterAsOf, enterpriseAsOf, viewDisclosureAsOf } from './supervision-point-in-time';
import { SupervisionHistory } from './supervision-history.fixtures';

const ENFORCEMENT: Actor = { id: 'demo-enforcement', roles: ['staff'], agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH' };
const SYSTEM: Actor = { id: 'system:test', roles: ['system'] };
const ANONYMOUS: Actor = { id: 'anonymous', roles: ['public'] };
const PAPER = '91445381MA4UK7L2XB';
const at = (date: string) => `${date}T02:00:00.000Z`;

const details = (facts: string) => ({ decisionNumber: '云环罚〔2026〕7号', facts, legalBasis: '水污染防治法第八十三条', penaltyKind: 'FINE', amountFen: 100_000, decidedOn: '2026-02-10' });

describe('Supervision at a point in time (asOfInstant)', () => {
  let history: SupervisionHistory;
  const ledger = (command: DisclosureLedgerCommand, now: string, actor: Actor = ENFORCEMENT) => history.decide(disclosureLedgerDecider, 'supervision.Disclosure-7', command, actor, now);
  const publish = async (version: number, requestedOn: string, publishedOn: string) => {
    const [requested] = await ledger({ type: 'RequestDisclosurePublication', data: { disclosureId: '7', expectedVersion: version, reviewId: `review-7-${version}` } }, at(requestedOn));
    const { contentHash } = requested.data as { contentHash: string };
    await ledger({ type: 'PublishReviewedDisclosure', data: { disclosureId: '7', version, contentHash, reviewId: `review-7-${version}` } }, at(publishedOn), SYSTEM);
  };
  const record = async () => (await history.store.collection<DisclosureDocument>(DISCLOSURES).findOne({ _id: '7' }))!;
  const listedAt = async (instant: string, search?: string) =>
    (await history.store.collection<DisclosureDocument>(DISCLOSURES).find(disclosureFilterAsOf({ search }, instant))).map((doc) => viewDisclosureAsOf(doc, instant)?.details?.['facts']);

  /** Record 7: published v1 on 2 March, corrected and v2 published on 5 March, revoked on 9 March. */
  beforeEach(async () => {
    history = new SupervisionHistory();
    await history.start();
    const enterprise = { name: '罗定纸业', address: '工业园', industry: '造纸', countyCode: '445381' };
    await history.decide(enterpriseDecider, `supervision.Enterprise-${PAPER}`, { type: 'RegisterEnterprise', data: { creditCode: PAPER, enterprise } }, ENFORCEMENT, at('2026-02-20'));
    const recorded = { disclosureId: '7', agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH', category: 'ADMINISTRATIVE_PENALTY', enterpriseCreditCode: PAPER, formedOn: '2026-02-10', title: '云环罚〔2026〕7号' };
    await ledger({ type: 'RecordDisclosure', data: { ...recorded, details: details('超标排放化学需氧量') } }, at('2026-02-27'));
    await publish(1, '2026-03-01', '2026-03-02');
    await ledger({ type: 'CorrectDisclosure', data: { disclosureId: '7', expectedVersion: 1, details: details('超标排放氨氮（更正）'), reason: '笔误' } }, at('2026-03-04'));
    await publish(2, '2026-03-04', '2026-03-05');
    await ledger({ type: 'RevokeDisclosure', data: { disclosureId: '7', reason: '复议撤销', decisionRevokedOn: '2026-03-09' } }, at('2026-03-09'));
  });

  it('gives nothing before v1, v1 between the publications, v2 after the correction was published, and nothing after the revocation', async () => {
    const doc = await record();
    expect(viewDisclosureAsOf(doc, at('2026-03-01'))).toBeNull();
    expect(viewDisclosureAsOf(doc, at('2026-03-03'))).toMatchObject({ version: 1, status: 'PUBLISHED', details: { facts: '超标排放化学需氧量' }, revocation: null });
    expect(viewDisclosureAsOf(doc, at('2026-03-03'))?.versions.map((v) => v.version)).toEqual([1]);
    expect(viewDisclosureAsOf(doc, at('2026-03-06'))).toMatchObject({ version: 2, details: { facts: '超标排放氨氮（更正）' } });
    expect(viewDisclosureAsOf(doc, at('2026-03-10'))).toBeNull();
  });

  it('searches the records in the version published at the instant', async () => {
    expect(await listedAt(at('2026-03-01'))).toEqual([]);
    expect(await listedAt(at('2026-03-03'), '氨氮')).toEqual([]);
    expect(await listedAt(at('2026-03-03'), '化学需氧量')).toEqual(['超标排放化学需氧量']);
    expect(await listedAt(at('2026-03-06'), '罗定纸业')).toEqual(['超标排放氨氮（更正）']);
    expect(await listedAt(at('2026-03-10'))).toEqual([]);
    expect(await history.store.collection(DISCLOSURES).count(publicAtFilter('publicationHistory', at('2026-03-10')))).toBe(0);
  });

  it('knows the blacklist at an instant by the entries published by then', async () => {
    const [entered] = await history.decide(
      enterpriseDecider,
      `supervision.Enterprise-${PAPER}`,
      { type: 'AddToBlacklist', data: { creditCode: PAPER, reason: '偷排', legalBasis: '信用评价办法', on: '2026-03-01', reviewId: 'in' } },
      ENFORCEMENT,
      at('2026-03-01'),
    );
    const change = entered.data as { sequence: number; contentHash: string };
    await history.decide(enterpriseDecider, `supervision.Enterprise-${PAPER}`, { type: 'PublishReviewedRegisterChange', data: { creditCode: PAPER, reviewId: 'in', ...change } }, SYSTEM, at('2026-03-05'));
    const paper = (await history.store.collection<EnterpriseDocument>(ENTERPRISES).findOne({ _id: PAPER }))!;
    expect(blacklistAsOf([enterpriseAsOf(paper, at('2026-03-03'))], ANONYMOUS, '2026-03-03')).toEqual([]);
    expect(blacklistAsOf([enterpriseAsOf(paper, at('2026-03-06'))], ANONYMOUS, '2026-03-06')).toMatchObject([{ creditCode: PAPER, reason: '偷排', listedOn: '2026-03-01' }]);
    expect(viewEnterprise(enterpriseAsOf(paper, at('2026-03-03')), ANONYMOUS, false)).toBeNull();
    expect(viewEnterprise(enterpriseAsOf(paper, at('2026-03-06')), ANONYMOUS, false)).toMatchObject({ blacklisted: true });
  });
});
