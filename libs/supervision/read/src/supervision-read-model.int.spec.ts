import type { Actor } from '@gongkai/kernel';
import {
  type DisclosureLedgerCommand,
  disclosureImportDecider,
  disclosureLedgerDecider,
  enterpriseDecider,
  importedDisclosureId,
} from '@gongkai/supervision/domain';
import { DISCLOSURES, type DisclosureDocument } from './disclosure-document';
import { deadlinesFilter, DISCLOSURE_SORT, disclosureFilter, type DisclosureQuery } from './disclosure-search';
import { viewDisclosure } from './disclosure-visibility';
import { ENTERPRISES, type EnterpriseDocument } from './enterprise-document';
import { blacklistAsOf, viewEnterprise } from './enterprise-visibility';
import { SupervisionHistory } from './supervision-history.fixtures';

const ENFORCEMENT: Actor = { id: 'demo-enforcement', roles: ['staff'], agencyCode: '445300', departmentCode: 'ENFORCEMENT_BRANCH' };
const MONITORING: Actor = { id: 'demo-monitoring', roles: ['staff'], agencyCode: '445300', departmentCode: 'MONITORING_STATION' };
const LUODING_STAFF: Actor = { id: 'demo-luoding', roles: ['staff'], agencyCode: '445381', departmentCode: 'ENFORCEMENT_BRANCH' };
const SYSTEM: Actor = { id: 'system:test', roles: ['system'] };
const ANONYMOUS: Actor = { id: 'anonymous', roles: ['public'] };
const PAPER = '91445381MA4UK7L2XB';
const CEMENT = '91445302707712343T';
const TODAY = '2026-03-02';
const NOW = '2026-03-02T02:00:00Z';

describe('The supervision read models', () => {
  let history: SupervisionHistory;
  const records = () => history.store.collection<DisclosureDocument>(DISCLOSURES);
  const enterprises = () => history.store.collection<EnterpriseDocument>(ENTERPRISES);
  const visible = async (actor: Actor, query: DisclosureQuery = {}, incomplete: string[] = []) =>
    (await records().find(disclosureFilter(actor, query, incomplete), { sort: DISCLOSURE_SORT })).map((doc) => doc._id);
  const view = async (id: string, actor: Actor) => viewDisclosure((await records().findOne({ _id: id }))!, actor, TODAY);
  const ledger = (id: string, command: DisclosureLedgerCommand, actor: Actor = ENFORCEMENT) =>
    history.decide(disclosureLedgerDecider, `supervision.Disclosure-${id}`, command, actor, NOW);
  const approve = async (id: string, actor: Actor = ENFORCEMENT) => {
    const [requested] = await ledger(id, { type: 'RequestDisclosurePublication', data: { disclosureId: id, expectedVersion: 1, reviewId: `review-${id}` } }, actor);
    const { contentHash } = requested.data as { contentHash: string };
    await ledger(id, { type: 'PublishReviewedDisclosure', data: { disclosureId: id, version: 1, contentHash, reviewId: `review-${id}` } }, SYSTEM);
  };
  const penaltyDetails = (id: string, facts: string) => ({
    decisionNumber: `云环罚〔2026〕${id}号`,
    facts,
    legalBasis: '水污染防治法第八十三条',
    penaltyKind: 'FINE',
    amountFen: 100_000,
    decidedOn: '2026-02-10',
  });
  const penalty = (id: string, facts: string): DisclosureLedgerCommand => ({
    type: 'RecordDisclosure',
    data: {
      disclosureId: id,
      agencyCode: '445300',
      departmentCode: 'ENFORCEMENT_BRANCH',
      category: 'ADMINISTRATIVE_PENALTY',
      enterpriseCreditCode: PAPER,
      formedOn: '2026-02-10',
      title: `云环罚〔2026〕${id}号`,
      details: penaltyDetails(id, facts),
    },
  });
  const importRows = async (importId: string, complete: boolean) => {
    const rows = [2, 3, 4].map((row) => ({
      row,
      enterpriseCreditCode: CEMENT,
      formedOn: '2026-02-27',
      title: `颗粒物 第${row}行`,
      details: { outlet: '1号排放口', pollutant: '颗粒物', measuredValue: row * 10, unit: 'mg/m³', limit: 30, sampledAt: '2026-02-26T02:00:00Z' },
    }));
    const chunk = await history.decide(
      disclosureLedgerDecider,
      `supervision.DisclosureImportChunk-${importId}.0`,
      { type: 'ImportDisclosureChunk', data: { importId, chunk: 0, agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', rows } },
      MONITORING,
      NOW,
    );
    const { chunkHash } = chunk.at(-1)!.data as { chunkHash: string };
    const stream = `supervision.DisclosureImport-${importId}`;
    const start = { importId, agencyCode: '445300', departmentCode: 'MONITORING_STATION', category: 'SUPERVISORY_MONITORING', fileName: 'm.csv', rowCount: 3, chunkHashes: [chunkHash] };
    await history.decide(disclosureImportDecider, stream, { type: 'StartDisclosureImport', data: start }, MONITORING, NOW);
    if (!complete) return chunkHash;
    await history.decide(disclosureImportDecider, stream, { type: 'CompleteDisclosureImport', data: { importId } }, MONITORING, NOW);
    const [requested] = await history.decide(disclosureImportDecider, stream, { type: 'RequestDisclosureImportPublication', data: { importId, reviewId: 'review-import' } }, MONITORING, NOW);
    const { contentHash } = requested.data as { contentHash: string };
    const [published] = await history.decide(disclosureImportDecider, stream, { type: 'PublishReviewedDisclosureImport', data: { importId, contentHash, reviewId: 'review-import' } }, SYSTEM, NOW);
    const { publishedAt } = published.data as { publishedAt: string };
    await history.decide(
      disclosureLedgerDecider,
      `supervision.DisclosureImportChunk-${importId}.0`,
      { type: 'PublishImportedChunk', data: { importId, chunk: 0, chunkHash, reviewId: 'review-import', publishedAt } },
      SYSTEM,
      NOW,
    );
    return chunkHash;
  };

  beforeEach(async () => {
    history = new SupervisionHistory();
    await history.start();
    const profile = { address: '工业园', industry: '造纸' };
    await history.decide(enterpriseDecider, `supervision.Enterprise-${PAPER}`, { type: 'RegisterEnterprise', data: { creditCode: PAPER, enterprise: { ...profile, name: '罗定纸业', countyCode: '445381' } } }, ENFORCEMENT, NOW);
    await history.decide(enterpriseDecider, `supervision.Enterprise-${CEMENT}`, { type: 'RegisterEnterprise', data: { creditCode: CEMENT, enterprise: { ...profile, name: '云城水泥', countyCode: '445302' } } }, ENFORCEMENT, NOW);
    await ledger('1', penalty('1', '超标排放化学需氧量'));
    await approve('1');
    await ledger('1', { type: 'CorrectDisclosure', data: { disclosureId: '1', expectedVersion: 1, details: penaltyDetails('1', '超标排放氨氮（更正）'), reason: '违法事实笔误' } });
    await ledger('2', penalty('2', '未批先建草稿'));
    await importRows('import-done', true);
    await importRows('import-broken', false);
  });

  it('shows the public the published version beside the staff’s correction, with why and when it changed', async () => {
    expect(await view('1', ANONYMOUS)).toMatchObject({ version: 1, status: 'PUBLISHED', details: { facts: '超标排放化学需氧量' }, publishedOn: TODAY, publicationDueOn: '2026-02-26', late: true });
    expect((await view('1', ANONYMOUS))?.versions.map((v) => v.version)).toEqual([1]);
    expect(await view('1', ENFORCEMENT)).toMatchObject({ version: 2, status: 'DRAFT', publishedVersion: 1, details: { facts: '超标排放氨氮（更正）' } });
    expect((await view('1', ENFORCEMENT))?.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, ''],
      [2, '违法事实笔误'],
    ]);
    expect(await view('2', ANONYMOUS)).toBeNull();
  });

  it('searches the public by the published text only, and staff by the current text', async () => {
    expect(await visible(ANONYMOUS, { search: '化学需氧量' })).toEqual(['1']);
    expect(await visible(ANONYMOUS, { search: '氨氮' })).toEqual([]);
    expect(await visible(ANONYMOUS, { search: '未批先建' })).toEqual([]);
    expect(await visible(ENFORCEMENT, { search: '氨氮' })).toEqual(['1']);
    expect(await visible(ANONYMOUS, { search: '罗定纸业' })).toEqual(['1']);
  });

  it('filters by category, enterprise, county, dates and exceedance', async () => {
    const rows = [2, 3, 4].map((row) => importedDisclosureId('import-done', row));
    expect(await visible(ANONYMOUS, { category: 'SUPERVISORY_MONITORING' })).toEqual(rows);
    expect(await visible(ANONYMOUS, { enterpriseCreditCode: CEMENT, exceeded: true })).toEqual([rows[2]]); // 20 and 30 are within the limit of 30
    expect(await visible(ANONYMOUS, { countyCode: '445381' })).toEqual(['1']);
    expect(await visible(ANONYMOUS, { from: '2026-02-11', to: '2026-02-28' })).toEqual(rows);
    expect(await visible(ANONYMOUS, { to: '2026-02-10' })).toEqual(['1']);
  });

  it('publishes an import’s rows together, and keeps the rows of an incomplete import from everyone', async () => {
    expect(await view(importedDisclosureId('import-done', 2), ANONYMOUS)).toMatchObject({ status: 'PUBLISHED', importId: 'import-done', late: false });
    expect(await view(importedDisclosureId('import-broken', 2), ANONYMOUS)).toBeNull();
    const staffIds = await visible(MONITORING, { category: 'SUPERVISORY_MONITORING' }, ['import-broken']);
    expect(staffIds.filter((id) => id.startsWith('import-broken'))).toEqual([]);
    expect(staffIds).toHaveLength(3);
  });

  it('shows a revoked record as withdrawn, with its reason, and lists it only when asked', async () => {
    // Revoked Thu 02-26: Fri 02-27 [1], Sat 02-28 S [2], Mon 03-02 [3] — withdrawn on the last day allowed.
    await ledger('1', { type: 'RevokeDisclosure', data: { disclosureId: '1', reason: '复议撤销', decisionRevokedOn: '2026-02-26' } });
    expect(await view('1', ANONYMOUS)).toMatchObject({
      status: 'REVOKED',
      details: null,
      revocation: { reason: '复议撤销', decisionRevokedOn: '2026-02-26', withdrawalDueOn: '2026-03-02', revokedOn: TODAY, late: false },
    });
    expect(await visible(ANONYMOUS, { enterpriseCreditCode: PAPER })).toEqual([]);
    expect(await visible(ANONYMOUS, { enterpriseCreditCode: PAPER, includeRevoked: true })).toEqual(['1']);
  });

  it('keeps county staff to their own drafts and the published records', async () => {
    expect(await visible(LUODING_STAFF, { enterpriseCreditCode: PAPER })).toEqual(['1']);
    expect(await view('1', LUODING_STAFF)).toMatchObject({ version: 1, status: 'PUBLISHED' });
    expect(await visible(ENFORCEMENT, { enterpriseCreditCode: PAPER })).toEqual(['1', '2']);
  });

  it('lists for staff what is still to be published, by its due day', async () => {
    const due = async (dueBy: string) => (await records().find(deadlinesFilter(ENFORCEMENT, dueBy, ['import-broken']), { sort: { 'current.publicationDueOn': 1, _id: 1 } })).map((d) => d._id);
    // Record 2 (formed 02-10) is due 02-26; the correction of record 1 (made 03-02) is due 03-11.
    expect(await due('2026-03-02')).toEqual(['2']);
    expect(await due('2026-03-11')).toEqual(['2', '1']);
    expect(await view('2', ENFORCEMENT)).toMatchObject({ publicationDueOn: '2026-02-26', late: true });
  });

  describe('enterprises and the blacklist', () => {
    const enter = async (on: string) => {
      const [changed] = await history.decide(
        enterpriseDecider,
        `supervision.Enterprise-${CEMENT}`,
        { type: 'AddToBlacklist', data: { creditCode: CEMENT, reason: '偷排', legalBasis: '信用评价办法', on, reviewId: `in-${on}` } },
        ENFORCEMENT,
        NOW,
      );
      return changed.data as { sequence: number; contentHash: string };
    };
    const publish = (change: { sequence: number; contentHash: string }, reviewId: string) =>
      history.decide(enterpriseDecider, `supervision.Enterprise-${CEMENT}`, { type: 'PublishReviewedRegisterChange', data: { creditCode: CEMENT, reviewId, ...change } }, SYSTEM, NOW);
    const cement = async () => (await enterprises().findOne({ _id: CEMENT }))!;

    it('shows the public a blacklist entry only once it is published', async () => {
      const entry = await enter('2026-02-01');
      expect(blacklistAsOf([await cement()], ANONYMOUS, TODAY)).toEqual([]);
      expect(blacklistAsOf([await cement()], ENFORCEMENT, TODAY)).toMatchObject([{ creditCode: CEMENT, listedOn: '2026-02-01', publishedAt: null }]);
      await publish(entry, 'in-2026-02-01');
      expect(blacklistAsOf([await cement()], ANONYMOUS, TODAY)).toMatchObject([{ creditCode: CEMENT, enterpriseName: '云城水泥', reason: '偷排', legalBasis: '信用评价办法' }]);
      expect(blacklistAsOf([await cement()], ANONYMOUS, '2026-01-31')).toEqual([]);
      expect(viewEnterprise(await cement(), ANONYMOUS, false)).toMatchObject({ blacklisted: true });
    });

    it('knows an enterprise publicly only once something about it was published', async () => {
      expect(viewEnterprise((await enterprises().findOne({ _id: PAPER }))!, ANONYMOUS, false)).toBeNull();
      expect(viewEnterprise((await enterprises().findOne({ _id: PAPER }))!, ANONYMOUS, true)).toMatchObject({ name: '罗定纸业', blacklisted: false });
      expect(viewEnterprise((await enterprises().findOne({ _id: PAPER }))!, ENFORCEMENT, false)).toMatchObject({ name: '罗定纸业' });
    });
  });
});
