import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(60_000);

const PAPER = '91445381MA4UK7L2XB';
const CEMENT = '91445302707712343T';
const RECORD_FIELDS = `id category title version status enterpriseName countyCode formedOn details exceeded publishedVersion publishedOn publicationDueOn late pendingReviewId
  versions { version reason at publishedAt } revocation { reason revokedOn decisionRevokedOn withdrawalDueOn late }`;
const REGISTER = 'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { creditCode name county { name } blacklisted } }';
const RECORD = `mutation($input: DisclosureInput!) { recordDisclosure(input: $input) { ${RECORD_FIELDS} } }`;
const REQUEST = 'mutation($id: ID!, $v: Int!) { requestDisclosurePublication(id: $id, expectedVersion: $v) { status pendingReviewId } }';
const CORRECT = `mutation($id: ID!, $v: Int!, $details: JSON!, $reason: String!) { correctDisclosure(id: $id, expectedVersion: $v, details: $details, reason: $reason) { ${RECORD_FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $reason: String!, $on: Date) { revokeDisclosure(id: $id, reason: $reason, decisionRevokedOn: $on) { ${RECORD_FIELDS} } }`;
const ONE = `query($id: ID!) { disclosure(id: $id) { ${RECORD_FIELDS} } }`;
const SEARCH = `query($category: DisclosureCategory, $code: String, $search: String, $revoked: Boolean) {
  disclosures(category: $category, enterpriseCreditCode: $code, search: $search, includeRevoked: $revoked, first: 50) { totalCount edges { node { id title status } } } }`;
const ADD = 'mutation($code: String!, $on: Date!) { addToBlacklist(creditCode: $code, reason: "拒不改正超标排放", legalBasis: "《企业环境信用评价办法（试行）》第十条", on: $on) { blacklisted blacklistHistory { kind on publishedAt } } }';
const REMOVE = 'mutation($code: String!, $on: Date!) { removeFromBlacklist(creditCode: $code, reason: "整改到位，信用修复", on: $on) { blacklisted } }';
const BLACKLIST = 'query($asOf: Date) { blacklist(asOf: $asOf) { creditCode enterpriseName reason legalBasis listedOn } }';
const PROFILE = `query($code: String!) { enterprise(creditCode: $code) { name blacklisted keyMonitoredYears
  disclosures { id status version title revocation { reason } } blacklistHistory { kind on reason legalBasis } } }`;
const REVIEWS = 'query { publicationReviews(status: PENDING) { id itemType itemId itemVersion } }';
const APPROVE = 'mutation($id: ID!) { approvePublicationReview(id: $id, comment: "无涉密内容") { status } }';

interface DisclosureRecord {
  id: string;
  version: number;
  status: string;
  details: { [field: string]: unknown } | null;
  publishedVersion: number | null;
  publishedOn: string | null;
  publicationDueOn: string;
  late: boolean;
  pendingReviewId: string | null;
  versions: { version: number; reason: string; publishedAt: string | null }[];
  revocation: { reason: string; decisionRevokedOn: string | null; withdrawalDueOn: string | null; late: boolean } | null;
}

const penalty = {
  category: 'ADMINISTRATIVE_PENALTY',
  enterpriseCreditCode: PAPER,
  formedOn: '2026-02-10',
  title: '云环罚〔2026〕3号',
  details: {
    decisionNumber: '云环罚〔2026〕3号',
    facts: '超标排放水污染物',
    legalBasis: '《中华人民共和国水污染防治法》第八十三条',
    penaltyKind: 'FINE',
    amountFen: 25_000_000,
    decidedOn: '2026-02-10',
  },
};

describe('Supervision disclosure (监管情况公开), end to end through GraphQL', () => {
  let platform: PlatformProcess;
  let staff: Record<string, string>;
  let reviewer: Record<string, string>;
  const url = () => platform.baseUrl;

  /** Approves the pending review of an item (the review gate opens it after the request). */
  const approve = async (itemId: string, itemVersion?: number) => {
    const review = await eventually(async () =>
      (await graphql<{ publicationReviews: { id: string; itemId: string; itemVersion: number }[] }>(url(), REVIEWS, {}, reviewer)).data?.publicationReviews.find(
        (r) => r.itemId === itemId && (itemVersion === undefined || r.itemVersion === itemVersion),
      ),
    );
    expect((await graphql<{ approvePublicationReview: { status: string } }>(url(), APPROVE, { id: review.id }, reviewer)).data?.approvePublicationReview.status).toBe('APPROVED');
  };
  const publicView = (id: string) => graphql<{ disclosure: DisclosureRecord | null }>(url(), ONE, { id });
  const record = async (input: object) => {
    const result = await graphql<{ recordDisclosure: DisclosureRecord }>(url(), RECORD, { input }, staff);
    expect(result.errors).toBeUndefined();
    return result.data!.recordDisclosure;
  };

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [staff, reviewer] = await Promise.all(['supervision', 'reviewer'].map((user) => loginAs(platform.baseUrl, user)));
    for (const [creditCode, name, countyCode] of [
      [PAPER, '罗定某纸业有限公司', '445381'],
      [CEMENT, '云城某水泥有限公司', '445302'],
    ]) {
      const registered = await graphql(url(), REGISTER, { input: { creditCode, name, address: '工业园', countyCode, industry: '制造业' } }, staff);
      expect(registered.errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('takes a penalty from draft through review to the public, flagged late past its 7 working days', async () => {
    const drafted = await record(penalty);
    expect(drafted).toMatchObject({ version: 1, status: 'DRAFT', publicationDueOn: '2026-02-26', late: true, countyCode: '445381' });
    expect((await publicView(drafted.id)).data?.disclosure).toBeNull();
    expect((await graphql<{ disclosures: { totalCount: number } }>(url(), SEARCH, { code: PAPER })).data?.disclosures.totalCount).toBe(0);

    await graphql(url(), REQUEST, { id: drafted.id, v: 1 }, staff);
    await approve(drafted.id);
    const published = await eventually(async () => {
      const view = (await publicView(drafted.id)).data?.disclosure;
      return view?.status === 'PUBLISHED' ? view : undefined;
    });
    expect(published).toMatchObject({ version: 1, publishedVersion: 1, late: true, pendingReviewId: null, details: { amountFen: 25_000_000 } });
    expect((await graphql<{ disclosures: { totalCount: number } }>(url(), SEARCH, { search: '罗定某纸业' })).data?.disclosures.totalCount).toBe(1);
  });

  it('refuses a search over 100 characters with TOO_LONG instead of cutting it, today and at an instant', async () => {
    const search = `query($search: String, $at: DateTime) { disclosures(search: $search, asOfInstant: $at, first: 50) { totalCount } }`;
    expect(await graphql(url(), search, { search: '罗'.repeat(100) })).toEqual({ status: 200, data: { disclosures: { totalCount: 0 } } });
    for (const at of [null, new Date().toISOString()]) {
      const refused = await graphql(url(), search, { search: '罗'.repeat(101), at });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG', field: 'search' });
    }
  });

  it('keeps the published version public while a correction is reviewed, then shows when and why it changed', async () => {
    const drafted = await record({ ...penalty, title: '云环罚〔2026〕4号', details: { ...penalty.details, decisionNumber: '云环罚〔2026〕4号' } });
    await graphql(url(), REQUEST, { id: drafted.id, v: 1 }, staff);
    await approve(drafted.id);
    await eventually(async () => (await publicView(drafted.id)).data?.disclosure);

    const corrected = await graphql<{ correctDisclosure: DisclosureRecord }>(url(), CORRECT, { id: drafted.id, v: 1, details: { ...penalty.details, decisionNumber: '云环罚〔2026〕4号', amountFen: 20_000_000 }, reason: '罚款金额笔误' }, staff);
    expect(corrected.data?.correctDisclosure).toMatchObject({ version: 2, status: 'DRAFT', publishedVersion: 1, details: { amountFen: 20_000_000 } });
    expect((await publicView(drafted.id)).data?.disclosure).toMatchObject({ version: 1, details: { amountFen: 25_000_000 } });
    const stale = await graphql(url(), CORRECT, { id: drafted.id, v: 1, details: penalty.details, reason: '再改' }, staff);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION' });

    await graphql(url(), REQUEST, { id: drafted.id, v: 2 }, staff);
    await approve(drafted.id, 2);
    const updated = await eventually(async () => {
      const view = (await publicView(drafted.id)).data?.disclosure;
      return view?.version === 2 ? view : undefined;
    });
    expect(updated.details).toMatchObject({ amountFen: 20_000_000 });
    expect(updated.versions.map((v) => [v.version, v.reason, v.publishedAt !== null])).toEqual([
      [1, '', true],
      [2, '罚款金额笔误', true],
    ]);
  });

  it('withdraws a revoked penalty at once, publishing the reason (Administrative Penalty Law Art. 48)', async () => {
    const drafted = await record({ ...penalty, title: '云环罚〔2026〕5号', details: { ...penalty.details, decisionNumber: '云环罚〔2026〕5号' } });
    await graphql(url(), REQUEST, { id: drafted.id, v: 1 }, staff);
    await approve(drafted.id);
    await eventually(async () => (await publicView(drafted.id)).data?.disclosure);

    const revoked = await graphql<{ revokeDisclosure: DisclosureRecord }>(url(), REVOKE, { id: drafted.id, reason: '行政复议决定撤销该处罚决定', on: '2026-02-13' }, staff);
    // Revoked Fri 02-13: Sat 02-14 (make-up working day) [1], Tue 02-24 [2], Wed 02-25 [3] — long past.
    expect(revoked.data?.revokeDisclosure.revocation).toMatchObject({ decisionRevokedOn: '2026-02-13', withdrawalDueOn: '2026-02-25', late: true });
    const seen = (await publicView(drafted.id)).data?.disclosure;
    expect(seen).toMatchObject({ status: 'REVOKED', details: null, revocation: { reason: '行政复议决定撤销该处罚决定' } });
    const titles = async (revokedToo: boolean) =>
      (await graphql<{ disclosures: { edges: { node: { title: string } }[] } }>(url(), SEARCH, { search: '5号', revoked: revokedToo })).data?.disclosures.edges.map((e) => e.node.title);
    expect(await titles(false)).toEqual([]);
    expect(await titles(true)).toEqual(['云环罚〔2026〕5号']);
    const again = await graphql(url(), REVOKE, { id: drafted.id, reason: '再次' }, staff);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'DISCLOSURE_REVOKED' });
  });

  it.each([
    ['an invalid credit code', { ...penalty, enterpriseCreditCode: '91445381MA4UK7L2X8' }, 'CREDIT_CODE_CHECK'],
    [
      'a monitoring value that is not a number',
      {
        category: 'SUPERVISORY_MONITORING',
        enterpriseCreditCode: CEMENT,
        formedOn: '2026-02-27',
        title: '颗粒物',
        details: { outlet: '1号', pollutant: '颗粒物', measuredValue: '超标', unit: 'mg/m³', limit: 30, sampledAt: '2026-02-26 10:00' },
      },
      'NOT_A_NUMBER',
    ],
    [
      'a permit valid-to before valid-from',
      { category: 'DISCHARGE_PERMIT', enterpriseCreditCode: CEMENT, formedOn: '2026-02-27', title: '排污许可证', details: { permitNumber: 'P-1', action: 'ISSUED', validFrom: '2026-03-01', validTo: '2026-02-28' } },
      'PERMIT_VALID_TO_BEFORE_FROM',
    ],
    ['an enterprise that is not registered', { ...penalty, enterpriseCreditCode: '914403001922038216' }, 'UNKNOWN_ENTERPRISE'],
  ])('refuses %s with BAD_USER_INPUT naming the rule, and stores nothing', async (_, input, rule) => {
    const before = (await graphql<{ disclosures: { totalCount: number } }>(url(), SEARCH, {}, staff)).data?.disclosures.totalCount;
    const result = await graphql(url(), RECORD, { input }, staff);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    expect((await graphql<{ disclosures: { totalCount: number } }>(url(), SEARCH, {}, staff)).data?.disclosures.totalCount).toBe(before);
  });

  it('lets only staff record, and shows an anonymous caller nothing unpublished', async () => {
    const anonymous = await graphql(url(), RECORD, { input: penalty });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const draft = await record({ ...penalty, title: '草稿 云环罚〔2026〕9号' });
    expect((await graphql<{ disclosures: { totalCount: number } }>(url(), SEARCH, { search: '草稿' })).data?.disclosures.totalCount).toBe(0);
    expect((await graphql<{ disclosures: { totalCount: number } }>(url(), SEARCH, { search: '草稿' }, staff)).data?.disclosures.totalCount).toBe(1);
    const deadlines = await graphql<{ disclosureDeadlines: { edges: { node: { id: string; late: boolean } }[] } }>(url(), '{ disclosureDeadlines(withinWorkingDays: 0) { edges { node { id late } } } }', {}, staff);
    expect(deadlines.data?.disclosureDeadlines.edges.map((e) => e.node)).toContainEqual({ id: draft.id, late: true });
    expect((await graphql(url(), '{ disclosureDeadlines { totalCount } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('puts an enterprise on the blacklist and takes it off, each public after review, and answers for any day', async () => {
    const added = await graphql<{ addToBlacklist: { blacklisted: boolean } }>(url(), ADD, { code: CEMENT, on: '2026-03-02' }, staff);
    expect(added.data?.addToBlacklist.blacklisted).toBe(true);
    const second = await graphql(url(), ADD, { code: CEMENT, on: '2026-03-03' }, staff);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ALREADY_BLACKLISTED' });
    expect((await graphql<{ blacklist: unknown[] }>(url(), BLACKLIST, {})).data?.blacklist).toEqual([]);

    await approve(CEMENT, 1);
    const listed = await eventually(async () => {
      const entries = (await graphql<{ blacklist: { creditCode: string }[] }>(url(), BLACKLIST, {})).data?.blacklist;
      return entries?.length ? entries : undefined;
    });
    expect(listed).toEqual([{ creditCode: CEMENT, enterpriseName: '云城某水泥有限公司', reason: '拒不改正超标排放', legalBasis: '《企业环境信用评价办法（试行）》第十条', listedOn: '2026-03-02' }]);

    await graphql(url(), REMOVE, { code: CEMENT, on: '2026-06-01' }, staff);
    await approve(CEMENT, 2);
    await eventually(async () => ((await graphql<{ blacklist: unknown[] }>(url(), BLACKLIST, {})).data?.blacklist.length === 0 ? true : undefined));
    expect((await graphql<{ blacklist: unknown[] }>(url(), BLACKLIST, { asOf: '2026-05-31' })).data?.blacklist).toHaveLength(1);
    expect((await graphql<{ blacklist: unknown[] }>(url(), BLACKLIST, { asOf: '2026-03-01' })).data?.blacklist).toHaveLength(0);
  });

  it('publishes the list of key monitored enterprises (重点排污单位名录) of a year after review', async () => {
    const LIST = 'query($year: Int!) { keyMonitoredEnterprises(year: $year) { creditCode keyMonitoredYears } }';
    const listed = await graphql<{ listKeyMonitoredEnterprise: { keyMonitoredYears: number[] } }>(url(), 'mutation($code: String!) { listKeyMonitoredEnterprise(creditCode: $code, year: 2026) { keyMonitoredYears } }', { code: PAPER }, staff);
    expect(listed.data?.listKeyMonitoredEnterprise.keyMonitoredYears).toEqual([2026]);
    expect((await graphql<{ keyMonitoredEnterprises: unknown[] }>(url(), LIST, { year: 2026 })).data?.keyMonitoredEnterprises).toEqual([]);
    await approve(PAPER, 1);
    const published = await eventually(async () => {
      const list = (await graphql<{ keyMonitoredEnterprises: { creditCode: string }[] }>(url(), LIST, { year: 2026 })).data?.keyMonitoredEnterprises;
      return list?.length ? list : undefined;
    });
    expect(published).toEqual([{ creditCode: PAPER, keyMonitoredYears: [2026] }]);
    const again = await graphql(url(), 'mutation($code: String!) { listKeyMonitoredEnterprise(creditCode: $code, year: 2026) { creditCode } }', { code: PAPER }, staff);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ALREADY_KEY_MONITORED' });
  });

  it('answers the enterprise profile in one query: every record, current and withdrawn, and the blacklist history', async () => {
    const profile = await graphql<{ enterprise: { disclosures: { status: string; title: string; revocation: { reason: string } | null }[]; blacklistHistory: { kind: string }[] } }>(
      url(),
      PROFILE,
      { code: PAPER },
    );
    expect(profile.errors).toBeUndefined();
    const statuses = profile.data!.enterprise.disclosures.map((d) => [d.title, d.status]);
    expect(statuses).toEqual(expect.arrayContaining([['云环罚〔2026〕3号', 'PUBLISHED'], ['云环罚〔2026〕4号', 'PUBLISHED'], ['云环罚〔2026〕5号', 'REVOKED']]));
    expect(statuses.map(([title]) => title)).not.toContain('草稿 云环罚〔2026〕9号');
    const cement = await graphql<{ enterprise: { blacklisted: boolean; blacklistHistory: { kind: string; on: string }[] } }>(url(), PROFILE, { code: CEMENT });
    expect(cement.data?.enterprise).toMatchObject({ blacklisted: false, blacklistHistory: [{ kind: 'BLACKLIST_ENTRY', on: '2026-03-02' }, { kind: 'BLACKLIST_EXIT', on: '2026-06-01' }] });
    const invalid = await graphql(url(), PROFILE, { code: '91445302707712343X' });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CREDIT_CODE_CHECK' });
  });

  it('refuses to register an enterprise under an invalid code, or twice', async () => {
    const input = { creditCode: '91445302707712343X', name: 'x', address: 'x', countyCode: '445302', industry: 'x' };
    expect((await graphql(url(), REGISTER, { input }, staff)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CREDIT_CODE_CHECK' });
    expect((await graphql(url(), REGISTER, { input: { ...input, creditCode: CEMENT } }, staff)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ENTERPRISE_EXISTS' });
  });
});
