import { addCalendarDays, localDateOf } from '@gongkai/calendar';
import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(60_000);

/** The register of normative documents (规范性文件), its clean-ups, and execution progress of key work, through GraphQL. */
const today = localDateOf(new Date());
const daysAgo = (days: number) => addCalendarDays(today, -days);

const DOCUMENT_FIELDS = 'id number title status validityYears validUntil asOf amendments { amendedOn summary } repeal { repealedOn reason campaignId }';
const REGISTER = `mutation($input: NormativeDocumentInput!) { registerNormativeDocument(input: $input) { ${DOCUMENT_FIELDS} } }`;
const AMEND = `mutation($id: ID!, $on: Date!, $summary: String!) { amendNormativeDocument(id: $id, amendedOn: $on, summary: $summary) { ${DOCUMENT_FIELDS} } }`;
const REPEAL = `mutation($id: ID!, $on: Date!, $reason: String!) { repealNormativeDocument(id: $id, repealedOn: $on, reason: $reason) { ${DOCUMENT_FIELDS} } }`;
const DOCUMENT = `query($id: ID!, $asOf: Date) { normativeDocument(id: $id, asOf: $asOf) { ${DOCUMENT_FIELDS} } }`;
const DOCUMENTS = `query($status: DocumentStatus, $asOf: Date, $search: String) {
  normativeDocuments(status: $status, asOf: $asOf, search: $search, first: 20) { totalCount edges { node { id number status } } } }`;
const FIGURES = `query($year: Int!) { normativeDocumentAnnualFigures(year: $year) { year issued repealed inForce } }`;
const CAMPAIGN_FIELDS = 'id title status openedOn items { documentId number conclusion reason } counts { conclusion documents } pendingReviewId publishedAt';
const OPEN_CLEANUP = `mutation($title: String!) { openCleanupCampaign(title: $title) { ${CAMPAIGN_FIELDS} } }`;
const CONCLUDE = `mutation($campaign: ID!, $document: ID!, $conclusion: CleanupConclusion!, $reason: String) {
  concludeCleanupItem(campaignId: $campaign, documentId: $document, conclusion: $conclusion, reason: $reason) { ${CAMPAIGN_FIELDS} } }`;
const REQUEST_RESULTS = `mutation($id: ID!) { requestCleanupResultPublication(campaignId: $id) { ${CAMPAIGN_FIELDS} } }`;
const CAMPAIGN = `query($id: ID!) { cleanupCampaign(id: $id) { ${CAMPAIGN_FIELDS} } }`;
const CAMPAIGNS = `query { cleanupCampaigns { id status } }`;
const CREATE_WORK = `mutation($input: KeyWorkItemInput!) { createKeyWorkItem(input: $input) { id kind title reports { number period publishedAt } } }`;
const REPORT_WORK = `mutation($id: ID!, $input: KeyWorkProgressInput!) { reportKeyWorkProgress(workItemId: $id, input: $input) { id reports { number period publishedAt } } }`;
const WORK_ITEMS = `query($kind: KeyWorkKind) { keyWorkItems(kind: $kind) { id title reports { number period tasks progress results nextSteps publishedAt } } }`;
const REVIEWS = `query { publicationReviews(status: PENDING) { id itemType itemId } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id) { id status } }`;

interface DocumentResult {
  id: string;
  number: string;
  status: string;
  validityYears: number;
  validUntil: string;
  repeal: { repealedOn: string; reason: string; campaignId: string | null } | null;
}
interface CampaignResult {
  id: string;
  status: string;
  items: { documentId: string; conclusion: string | null }[];
  counts: { conclusion: string; documents: number }[] | null;
  pendingReviewId: string | null;
}

describe('The register of normative documents, clean-ups and key work, end to end through GraphQL', () => {
  let platform: PlatformProcess;
  let regulations: Record<string, string>;
  let window: Record<string, string>;
  let supervision: Record<string, string>;
  let reviewer: Record<string, string>;
  const ids: Record<string, string> = {};

  const url = () => platform.baseUrl;
  const register = async (key: string, input: Record<string, unknown>) => {
    const result = await graphql<{ registerNormativeDocument: DocumentResult }>(url(), REGISTER, { input: { issuingDepartmentCode: 'REGULATIONS', ...input } }, regulations);
    expect(result.errors).toBeUndefined();
    ids[key] = result.data!.registerNormativeDocument.id;
    return result.data!.registerNormativeDocument;
  };
  const statusOf = async (key: string, asOf: string) => (await graphql<{ normativeDocument: DocumentResult | null }>(url(), DOCUMENT, { id: ids[key], asOf })).data?.normativeDocument?.status;
  const approveReviewOf = async (itemType: string, itemId: string) => {
    const review = await eventually(async () => {
      const reviews = await graphql<{ publicationReviews: { id: string; itemType: string; itemId: string }[] }>(url(), REVIEWS, {}, reviewer);
      return reviews.data?.publicationReviews.find((r) => r.itemType === itemType && r.itemId === itemId);
    });
    expect((await graphql<{ approvePublicationReview: { status: string } }>(url(), APPROVE, { id: review.id }, reviewer)).data?.approvePublicationReview.status).toBe('APPROVED');
  };

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [regulations, window, supervision, reviewer] = await Promise.all(['regulations', 'window', 'supervision', 'reviewer'].map((user) => loginAs(platform.baseUrl, user)));
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('registers documents with their validity and derives expiry from the day asked about', async () => {
    const a = await register('a', { number: '云环办[2017]11号', title: '云浮市环境保护局政务公开工作实施办法', issuedOn: '2017-03-01' });
    expect(a).toMatchObject({ number: '云环办〔2017〕11号', validityYears: 5, validUntil: '2022-02-28', status: 'EXPIRED' });
    expect(await statusOf('a', '2022-02-28')).toBe('IN_FORCE');
    expect(await statusOf('a', '2022-03-01')).toBe('EXPIRED');
    expect(await statusOf('a', '2017-02-28')).toBeUndefined();

    // Titled 暂行: valid for 2 years, to the day before the second anniversary (never a 29 February here).
    const issuedOn = daysAgo(300).endsWith('-02-29') ? daysAgo(301) : daysAgo(300);
    const interim = await register('c', { number: '云环〔2025〕7号', title: '云浮市排污许可证后管理暂行规定', issuedOn });
    expect(interim.validityYears).toBe(2);
    expect(addCalendarDays(interim.validUntil, 1)).toBe(`${Number(issuedOn.slice(0, 4)) + 2}${issuedOn.slice(4)}`);
    expect(await statusOf('c', interim.validUntil)).toBe('IN_FORCE');
    expect(await statusOf('c', addCalendarDays(interim.validUntil, 1))).toBe('EXPIRED');
  });

  it('refuses what the register cannot take, naming the rule', async () => {
    const input = { number: '云环办〔2017〕11号', title: '重复文号', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2017-03-01' };
    expect((await graphql(url(), REGISTER, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await graphql(url(), REGISTER, { input }, window)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });
    expect((await graphql(url(), REGISTER, { input }, regulations)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'DOCUMENT_NUMBER_TAKEN' });
    expect((await graphql(url(), REGISTER, { input: { ...input, number: '云环办2017-11' } }, regulations)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'INVALID_DOCUMENT_NUMBER',
    });
    expect((await graphql(url(), REGISTER, { input: { ...input, number: '云环〔2030〕1号', issuedOn: addCalendarDays(today, 1) } }, regulations)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'ISSUED_IN_THE_FUTURE',
    });
  });

  it('amends and repeals from their dates, and counts the year’s figures for the annual report', async () => {
    await register('d', { number: '云环〔2024〕5号', title: '云浮市环境信用评价办法', issuedOn: daysAgo(200) });
    const amended = await graphql<{ amendNormativeDocument: DocumentResult }>(url(), AMEND, { id: ids['d'], on: daysAgo(100), summary: '修改第三条' }, regulations);
    expect(amended.data?.amendNormativeDocument.status).toBe('AMENDED');
    expect(await statusOf('d', daysAgo(101))).toBe('IN_FORCE');

    await register('e', { number: '云环〔2018〕2号', title: '云浮市环保举报奖励办法', issuedOn: '2018-02-01' });
    const repealed = await graphql<{ repealNormativeDocument: DocumentResult }>(url(), REPEAL, { id: ids['e'], on: '2019-06-30', reason: '上位法废止' }, regulations);
    expect(repealed.data?.repealNormativeDocument.repeal).toEqual({ repealedOn: '2019-06-30', reason: '上位法废止', campaignId: null });
    expect(await statusOf('e', '2019-06-29')).toBe('IN_FORCE');
    expect(await statusOf('e', '2019-06-30')).toBe('REPEALED');

    const figures = async (year: number) => (await graphql<{ normativeDocumentAnnualFigures: Record<string, number> }>(url(), FIGURES, { year })).data?.normativeDocumentAnnualFigures;
    expect(await figures(2018)).toEqual({ year: 2018, issued: 1, repealed: 0, inForce: 2 });
    expect(await figures(2019)).toEqual({ year: 2019, issued: 0, repealed: 1, inForce: 1 });

    const inForce2018 = await graphql<{ normativeDocuments: { totalCount: number; edges: { node: { number: string } }[] } }>(url(), DOCUMENTS, { status: 'IN_FORCE', asOf: '2018-12-31' });
    expect(inForce2018.data?.normativeDocuments.edges.map((e) => e.node.number)).toEqual(['云环〔2018〕2号', '云环办〔2017〕11号']);
  });

  it('filters the register and its figures by one of the bureau’s agencies, and refuses a code that is none of them', async () => {
    const byAgency = `query($agency: String) { normativeDocuments(agencyCode: $agency, first: 50) { totalCount } normativeDocumentAnnualFigures(year: 2018, agencyCode: $agency) { issued } }`;
    const all = await graphql<{ normativeDocuments: { totalCount: number } }>(url(), byAgency, { agency: null });
    const city = await graphql<{ normativeDocuments: { totalCount: number } }>(url(), byAgency, { agency: '445300' });
    expect(city.errors).toBeUndefined();
    expect(city.data?.normativeDocuments.totalCount).toBe(all.data?.normativeDocuments.totalCount);
    const unknown = await graphql(url(), byAgency, { agency: '999999' });
    expect(unknown.data).toBeNull();
    expect(unknown.errors?.map((error) => error.extensions)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_AGENCY', field: 'agencyCode' })]));
  });

  it('refuses a search over 200 characters with TOO_LONG instead of cutting it, today and at an instant', async () => {
    const search = `query($search: String, $at: DateTime) { normativeDocuments(search: $search, asOfInstant: $at, first: 20) { totalCount } }`;
    const found = await graphql<{ normativeDocuments: { totalCount: number } }>(url(), search, { search: '云浮市环保举报奖励办法' });
    expect(found.data?.normativeDocuments.totalCount).toBe(1);
    expect(await graphql(url(), search, { search: '办'.repeat(200) })).toEqual({ status: 200, data: { normativeDocuments: { totalCount: 0 } } });
    for (const at of [null, new Date().toISOString()]) {
      const refused = await graphql(url(), search, { search: '办'.repeat(201), at });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG', field: 'search' });
    }
  });

  it('runs a clean-up whose results are public only once reviewed, and whose repeals then take effect', async () => {
    const opened = await graphql<{ openCleanupCampaign: CampaignResult }>(url(), OPEN_CLEANUP, { title: '规范性文件清理' }, regulations);
    expect(opened.errors).toBeUndefined();
    const campaign = opened.data!.openCleanupCampaign;
    expect(campaign.items.map((item) => item.documentId).sort()).toEqual([ids['c'], ids['d']].sort());

    await graphql(url(), CONCLUDE, { campaign: campaign.id, document: ids['c'], conclusion: 'KEEP' }, regulations);
    const incomplete = await graphql(url(), REQUEST_RESULTS, { id: campaign.id }, regulations);
    expect(incomplete.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CLEANUP_INCOMPLETE' });
    const noReason = await graphql(url(), CONCLUDE, { campaign: campaign.id, document: ids['d'], conclusion: 'REPEAL' }, regulations);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'REQUIRED', field: 'reason' });
    await graphql(url(), CONCLUDE, { campaign: campaign.id, document: ids['d'], conclusion: 'REPEAL', reason: '已被新办法替代' }, regulations);
    const requested = await graphql<{ requestCleanupResultPublication: CampaignResult }>(url(), REQUEST_RESULTS, { id: campaign.id }, regulations);
    expect(requested.data?.requestCleanupResultPublication).toMatchObject({ status: 'PENDING_REVIEW', pendingReviewId: expect.any(String) });

    expect((await graphql<{ cleanupCampaign: CampaignResult | null }>(url(), CAMPAIGN, { id: campaign.id })).data?.cleanupCampaign).toBeNull();
    expect((await graphql<{ cleanupCampaigns: CampaignResult[] }>(url(), CAMPAIGNS)).data?.cleanupCampaigns).toEqual([]);

    await approveReviewOf('CLEANUP_RESULT', campaign.id);
    const published = await eventually(async () => (await graphql<{ cleanupCampaign: CampaignResult | null }>(url(), CAMPAIGN, { id: campaign.id })).data?.cleanupCampaign);
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      pendingReviewId: null,
      counts: [
        { conclusion: 'KEEP', documents: 1 },
        { conclusion: 'AMEND', documents: 0 },
        { conclusion: 'REPEAL', documents: 1 },
      ],
    });
    const repealed = (await graphql<{ normativeDocument: DocumentResult }>(url(), DOCUMENT, { id: ids['d'] })).data?.normativeDocument;
    expect(repealed).toMatchObject({ status: 'REPEALED', repeal: { repealedOn: today, reason: '已被新办法替代', campaignId: campaign.id } });
  });

  it('publishes execution progress of key work report by report, after review', async () => {
    const created = await graphql<{ createKeyWorkItem: { id: string } }>(
      url(),
      CREATE_WORK,
      { input: { kind: 'PLAN', title: '重点排污单位在线监控全覆盖', departmentCode: 'SUPERVISION', description: '年内完成联网' } },
      supervision,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createKeyWorkItem.id;
    const report = { period: '2026年第三季度', tasks: '完成40家企业联网', progress: '已完成32家', results: '联网率80%', nextSteps: '第四季度完成剩余8家' };
    const reported = await graphql<{ reportKeyWorkProgress: { reports: { publishedAt: string | null }[] } }>(url(), REPORT_WORK, { id, input: report }, supervision);
    expect(reported.data?.reportKeyWorkProgress.reports).toEqual([{ number: 1, period: '2026年第三季度', publishedAt: null }]);
    const missing = await graphql(url(), REPORT_WORK, { id, input: { ...report, nextSteps: '' } }, supervision);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'REQUIRED', field: 'nextSteps' });

    expect((await graphql<{ keyWorkItems: { id: string }[] }>(url(), WORK_ITEMS, {})).data?.keyWorkItems).toEqual([]);
    await approveReviewOf('PROGRESS_REPORT', id);
    const items = await eventually(async () => {
      const result = await graphql<{ keyWorkItems: { id: string; reports: Record<string, unknown>[] }[] }>(url(), WORK_ITEMS, { kind: 'PLAN' });
      return result.data?.keyWorkItems.length ? result.data.keyWorkItems : undefined;
    });
    expect(items).toEqual([{ id, title: '重点排污单位在线监控全覆盖', reports: [{ number: 1, ...report, publishedAt: expect.any(String) }] }]);
  });
});
