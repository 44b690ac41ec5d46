import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(90_000);

const REGISTER = `mutation($input: InformationRequestInput!, $receivedOn: Date!) { registerInformationRequest(input: $input, channel: LETTER, receivedOn: $receivedOn) { id } }`;
const ANSWER = `mutation($id: ID!, $input: AnswerInput!) { answerInformationRequest(id: $id, input: $input) { id status } }`;
const APPEAL = `mutation($id: ID!, $kind: AppealKind!, $result: AppealResult!, $on: Date) { recordRequestAppeal(id: $id, kind: $kind, result: $result, decidedOn: $on) { id } }`;
const ROW = 'applicantType newThisYear carriedOverFromLastYear outcomes { outcome count } totalProcessed carriedOverToNextYear';
const REPORT = `query($year: Int!, $agency: String, $at: DateTime) { annualReport(year: $year, agencyCode: $agency, asOfInstant: $at) {
  year dueOn source notCounted agency { code }
  applications { byApplicantType { ${ROW} } total { ${ROW} } }
  proactive { rulesIssued rulesRepealed rulesInForce normativeDocumentsIssued normativeDocumentsRepealed normativeDocumentsInForce licensingDecisions penaltyDecisions enforcementDecisions feesCollectedFen }
  appeals { reconsideration { upheld corrected other pending total } litigationDirect { upheld corrected other pending total } litigationAfterReconsideration { upheld corrected other pending total } }
  figures { key value eventIds }
  publication { version status late publishedOn } } }`;

const RECORD = `mutation($input: DisclosureInput!) { recordDisclosure(input: $input) { id } }`;
const CORRECT = `mutation($id: ID!, $details: JSON!) { correctDisclosure(id: $id, expectedVersion: 1, details: $details, reason: "更正") { id } }`;
const REVOKE = `mutation($id: ID!) { revokeDisclosure(id: $id, reason: "行政复议决定撤销") { id } }`;
const PAPER = '91445381MA4UK7L2XB';
const permit = (action: string) => ({ permitNumber: '91445381MA4UK7L2XB001P', action, validFrom: '2026-04-01', validTo: '2031-03-31' });
const eia = (subjectKind: string) => ({ subjectKind, subjectName: '罗定某纸业扩建项目', approvalNumber: '云环审〔2026〕8号', decision: 'APPROVED' });
const fee = (amountFen: number) => ({ periodFrom: '2026-01-01', periodTo: '2026-03-31', amountFen });
const penalty = { decisionNumber: '云环罚〔2026〕31号', facts: '超标排放水污染物', legalBasis: '《中华人民共和国水污染防治法》第八十三条', penaltyKind: 'WARNING', decidedOn: '2026-05-06' };
const enforcement = (actionKind: string, decidedOn: string) => ({ decisionNumber: `云环强〔2026〕${decidedOn.slice(5, 7)}号`, actionKind, facts: '超标排放', legalBasis: '《中华人民共和国环境保护法》第二十五条', decidedOn });

const person = { applicantName: '欧阳明远', idNumber: '445302198807156611', contact: '13926600000', address: '云浮市云城区星岩四路88号' };
const input = (applicantType: string) => ({ applicantType, ...person, description: '监督性监测数据', preferredForm: 'ELECTRONIC' });

type Row = { applicantType: string; newThisYear: number; carriedOverFromLastYear: number; outcomes: { outcome: string; count: number }[]; totalProcessed: number; carriedOverToNextYear: number };
interface Report {
  source: string;
  applications: { byApplicantType: Row[]; total: Row };
  proactive: Record<string, number>;
  appeals: Record<string, Record<string, number>>;
  figures: { key: string; value: number; eventIds: string[] }[];
  notCounted: string[];
  publication: { version: number; status: string; late: boolean | null; publishedOn: string | null } | null;
}

/** The figures of a CSV export by key, with their events: the key is the first field, value and events the last two. */
const csvFigures = (text: string) =>
  Object.fromEntries(
    text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','))
      .map((fields) => [fields[0], { value: Number(fields.at(-2)), eventIds: fields.at(-1) ? fields.at(-1)!.split(' ') : [] }]),
  );

/** The counts the table shows, outcomes with a count only. */
const counts = (row: Row) => ({
  newThisYear: row.newThisYear,
  carriedOverFromLastYear: row.carriedOverFromLastYear,
  outcomes: Object.fromEntries(row.outcomes.filter((o) => o.count > 0).map((o) => [o.outcome, o.count])),
  totalProcessed: row.totalProcessed,
  carriedOverToNextYear: row.carriedOverToNextYear,
});

describe('The annual report, generated from the history that GraphQL wrote', () => {
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let office: Record<string, string>;
  let reviewer: Record<string, string>;
  let regulations: Record<string, string>;
  let supervision: Record<string, string>;
  const url = () => platform.baseUrl;
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Record<string, string>): Promise<T> => {
    const result = await graphql<T>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const register = async (applicantType: string, receivedOn: string) => (await ok<{ registerInformationRequest: { id: string } }>(REGISTER, { input: input(applicantType), receivedOn }, window)).registerInformationRequest.id;
  const report = async (year: number, as: Record<string, string> = office) => (await ok<{ annualReport: Report }>(REPORT, { year }, as)).annualReport;

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [window, office, reviewer, regulations, supervision] = await Promise.all(['window', 'office', 'reviewer', 'regulations', 'supervision'].map((name) => loginAs(platform.baseUrl, name)));
    // A: received in 2025, answered in 2026 — carried over. B: received and answered in 2025.
    const a = await register('NATURAL_PERSON', '2025-12-15');
    const b = await register('COMMERCIAL_ENTERPRISE', '2025-11-03');
    await ok(ANSWER, { id: b, input: { outcome: 'UNAVAILABLE_NOT_HELD', answeredOn: '2025-11-20', holderAgency: '云浮市自然资源局' } }, window);
    await ok(ANSWER, { id: a, input: { outcome: 'DISCLOSED', answeredOn: '2026-01-12', content: '2025年监测数据' } }, window);
    await ok(APPEAL, { id: a, kind: 'RECONSIDERATION', result: 'UPHELD', on: '2026-06-01' }, window);
    // C: received and answered in 2026, then sued directly, still pending. D: received in 2026, not answered.
    const c = await register('NATURAL_PERSON', '2026-03-02');
    await ok(ANSWER, { id: c, input: { outcome: 'WITHHELD_STATE_SECRET', answeredOn: '2026-03-20', legalBasis: '《中华人民共和国政府信息公开条例》第十四条' } }, window);
    await ok(APPEAL, { id: c, kind: 'LITIGATION_DIRECT', result: 'PENDING' }, window);
    const d = await register('RESEARCH_INSTITUTION', '2026-11-02');
    // D's processing fee (信息处理费) by pages: 50 pages, ¥10, paid in 2026.
    await ok(`mutation($id: ID!) { issueFeeNotice(id: $id, method: BY_PAGES, basis: 50, payByOn: "2026-11-20", noticeOn: "2026-11-05") { id } }`, { id: d }, window);
    await ok(`mutation($id: ID!) { recordFeePayment(id: $id, paidOn: "2026-11-09") { id } }`, { id: d }, window);
    // Supervision records of 2026, by the supervision department (监督科).
    await ok('mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { creditCode } }', { input: { creditCode: PAPER, name: '罗定某纸业有限公司', address: '工业园', countyCode: '445381', industry: '造纸' } }, supervision);
    const record = async (category: string, formedOn: string, details: object, title: string) =>
      (await ok<{ recordDisclosure: { id: string } }>(RECORD, { input: { category, enterpriseCreditCode: PAPER, formedOn, title, details } }, supervision)).recordDisclosure.id;
    const issued = await record('DISCHARGE_PERMIT', '2026-04-01', permit('ISSUED'), '排污许可证核发');
    await ok(CORRECT, { id: issued, details: permit('RENEWED') }, supervision);
    await record('DISCHARGE_PERMIT', '2026-04-02', permit('CANCELLED'), '排污许可证注销');
    await record('EIA_APPROVAL', '2026-04-03', eia('PROJECT'), '项目环评批复');
    await record('EIA_APPROVAL', '2026-04-04', eia('PLAN'), '规划环评审查');
    const revoked = await record('ADMINISTRATIVE_PENALTY', '2026-05-06', penalty, '云环罚〔2026〕31号');
    await ok(REVOKE, { id: revoked }, supervision);
    await record('ENFORCEMENT_ACTION', '2026-06-01', enforcement('SEALING_SEIZURE', '2026-06-01'), '查封');
    await record('ENFORCEMENT_ACTION', '2026-07-01', enforcement('DAILY_CONTINUOUS_PENALTY', '2026-07-01'), '按日连续处罚');
    const charged = await record('DISCHARGE_FEE', '2026-04-10', fee(120_000), '排污费征收');
    await ok(CORRECT, { id: charged, details: fee(150_000) }, supervision);
    await ok(
      `mutation($input: NormativeDocumentInput!) { registerNormativeDocument(input: $input) { id } }`,
      { input: { number: '云环办〔2026〕91号', title: '云浮市环境保护局政务公开工作规则', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2026-02-01' } },
      regulations,
    );
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('counts 2025 and 2026 as worked out by hand', async () => {
    const y2025 = await eventually(async () => {
      const r = await report(2025);
      return r.applications.total.newThisYear === 2 ? r : undefined;
    });
    expect(counts(y2025.applications.total)).toEqual({ newThisYear: 2, carriedOverFromLastYear: 0, outcomes: { UNAVAILABLE_NOT_HELD: 1 }, totalProcessed: 1, carriedOverToNextYear: 1 });
    expect(counts(y2025.applications.byApplicantType.find((r) => r.applicantType === 'NATURAL_PERSON')!)).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: {}, totalProcessed: 0, carriedOverToNextYear: 1 });

    const y2026 = await report(2026);
    expect(y2026.source).toBe('LIVE');
    expect(counts(y2026.applications.total)).toEqual({ newThisYear: 2, carriedOverFromLastYear: 1, outcomes: { DISCLOSED: 1, WITHHELD_STATE_SECRET: 1 }, totalProcessed: 2, carriedOverToNextYear: 1 });
    expect(counts(y2026.applications.byApplicantType.find((r) => r.applicantType === 'RESEARCH_INSTITUTION')!)).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: {}, totalProcessed: 0, carriedOverToNextYear: 1 });
    expect(y2026.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(y2026.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(y2026.proactive).toMatchObject({ normativeDocumentsIssued: 1, normativeDocumentsRepealed: 0, normativeDocumentsInForce: 1 });
    expect(y2026.notCounted.join(' ')).toContain('supervision');
    const carried = y2026.figures.find((f) => f.key === 'applications.TOTAL.carriedOverFromLastYear')!;
    expect(carried.value).toBe(1);
    expect(carried.eventIds).toHaveLength(1);
  });

  it('counts section 二 from the supervision records and the fees paid, each figure with its events', async () => {
    const y2026 = await report(2026);
    // Licences: the permit as renewed and the project EIA (not the cancellation, not the plan's review);
    // penalties: the daily continuous penalty (the warning was revoked); enforcement: the sealing;
    // fees: the discharge fee as corrected, ¥1,500, and D's processing fee, ¥10.
    expect(y2026.proactive).toEqual({
      rulesIssued: 0,
      rulesRepealed: 0,
      rulesInForce: 0,
      normativeDocumentsIssued: 1,
      normativeDocumentsRepealed: 0,
      normativeDocumentsInForce: 1,
      licensingDecisions: 2,
      penaltyDecisions: 1,
      enforcementDecisions: 1,
      feesCollectedFen: 151_000,
    });
    const evidence = (key: string) => y2026.figures.find((f) => f.key === key)!.eventIds;
    expect(evidence('proactive.licensingDecisions')).toHaveLength(2);
    // The fee record and its correction; the notice and the payment.
    expect(evidence('proactive.feesCollectedFen')).toHaveLength(4);
    expect(y2026.notCounted.join(' ')).toContain('Legislation Law Art. 93');
    expect((await report(2025)).proactive).toMatchObject({ licensingDecisions: 0, penaltyDecisions: 0, enforcementDecisions: 0, feesCollectedFen: 0 });
  });

  it('lists every applicant type and outcome of the requests context’s own enums, zeros included', async () => {
    const enumValues = async (name: string) =>
      (await ok<{ __type: { enumValues: { name: string }[] } }>('query($name: String!) { __type(name: $name) { enumValues { name } } }', { name }, office)).__type.enumValues.map((v) => v.name).sort();
    const y2026 = await report(2026);
    expect(y2026.applications.total.outcomes.map((o) => o.outcome).sort()).toEqual(await enumValues('RequestOutcome'));
    expect(y2026.applications.byApplicantType.map((r) => r.applicantType).sort()).toEqual(await enumValues('ApplicantType'));
  });

  it('exports the report as CSV and JSON and prints it as HTML, each figure linked to its events', async () => {
    const csv = await request(url()).get('/oversight/annual-reports/445300/2026?format=csv').set(office);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toMatch(/\r\napplications\.TOTAL\.newThisYear,总计｜本年新收政府信息公开申请数量,2,[0-9a-f-]+ [0-9a-f-]+\r\n/);
    const json = await request(url()).get('/oversight/annual-reports/445300/2026?format=json').set(office);
    expect(JSON.parse(json.text)).toMatchObject({ source: 'LIVE', year: 2026, applications: { total: { newThisYear: 2 } } });
    const html = await request(url()).get('/oversight/annual-reports/445300/2026').set(office);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('三、收到和处理政府信息公开申请情况');
    expect(html.text).toContain('href="#f-applications-TOTAL-newThisYear"');
    expect(html.text).toMatch(/id="f-applications-TOTAL-newThisYear"/);
    expect((await request(url()).get('/oversight/annual-reports/445300/2026?format=pdf').set(office)).body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOT_ALLOWED_VALUE' });
  });

  it('refuses an agency code that is none of the bureau’s, by page and by query, whoever asks', async () => {
    for (const agency of ['999999', '445300"; x=1', 'x'.repeat(40)]) {
      const page = await request(url()).get(`/oversight/annual-reports/${encodeURIComponent(agency)}/2026?format=csv`);
      expect(page.status).toBe(400);
      expect(page.body).toMatchObject({ code: 'BAD_USER_INPUT', rule: agency.length > 16 ? 'TOO_LONG' : 'UNKNOWN_AGENCY' });
      expect(page.headers['content-disposition']).toBeUndefined();
      const queried = await graphql(url(), REPORT, { year: 2026, agency }, {});
      expect(queried.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: agency.length > 16 ? 'TOO_LONG' : 'UNKNOWN_AGENCY', field: 'agencyCode' });
    }
  });

  it('publishes the report through the review gate, late after 31 January, and then shows it to the public', async () => {
    const submitted = await ok<{ submitAnnualReport: Report }>(
      `mutation { submitAnnualReport(year: 2025, overview: "2025年，我局认真贯彻《条例》…", problems: "依申请公开答复质量有待提高。") { publication { version status } } }`,
      {},
      office,
    );
    expect(submitted.submitAnnualReport.publication).toEqual({ version: 1, status: 'PENDING_REVIEW' });
    const review = await eventually(async () => {
      const reviews = (await graphql<{ publicationReviews: { id: string; itemType: string }[] }>(url(), '{ publicationReviews(status: PENDING) { id itemType } }', {}, reviewer)).data?.publicationReviews;
      return reviews?.find((r) => r.itemType === 'ANNUAL_REPORT');
    });
    await ok('mutation($id: ID!) { approvePublicationReview(id: $id) { id } }', { id: review.id }, reviewer);
    const published = await eventually(async () => {
      const r = await report(2025);
      return r.publication?.status === 'PUBLISHED' ? r : undefined;
    });
    expect(published.publication).toMatchObject({ late: true, publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const forPublic = (await ok<{ annualReport: Report }>(REPORT, { year: 2025, agency: '445300' }, {})).annualReport;
    expect(forPublic.source).toBe('PUBLISHED');
    expect(counts(forPublic.applications.total)).toEqual(counts(published.applications.total));
    const page = await request(url()).get('/oversight/annual-reports/445300/2025?format=html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('2025年，我局认真贯彻');
    expect(await graphql(url(), 'mutation { submitAnnualReport(year: 2025, overview: "x", problems: "y") { year } }', {}, window)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('downloads the report as it was published at an instant, before and after a correction, as the annualReport query answers it', async () => {
    // Continues the previous test: version 1 of 2025 is public now (a version is in force from its publishing instant on).
    const firstVersion = new Date().toISOString();
    // A 2025 request recorded after the publication: the corrected report counts it, the first did not.
    const late = await register('NATURAL_PERSON', '2025-10-09');
    await ok(ANSWER, { id: late, input: { outcome: 'DISCLOSED', answeredOn: '2025-10-20', content: '2025年10月监测数据' } }, window);
    await eventually(async () => (await report(2025)).applications.total.newThisYear === 3);
    await ok(`mutation { submitAnnualReport(year: 2025, overview: "更正：补录一件2025年申请。", problems: "依申请公开答复质量有待提高。") { year } }`, {}, office);
    const review = await eventually(async () => {
      const reviews = (await graphql<{ publicationReviews: { id: string; itemType: string; itemVersion: number }[] }>(url(), '{ publicationReviews(status: PENDING) { id itemType itemVersion } }', {}, reviewer)).data?.publicationReviews;
      return reviews?.find((r) => r.itemType === 'ANNUAL_REPORT' && r.itemVersion === 2);
    });
    await ok('mutation($id: ID!) { approvePublicationReview(id: $id) { id } }', { id: review.id }, reviewer);
    await eventually(async () => (await report(2025)).publication?.version === 2 && (await report(2025)).publication?.status === 'PUBLISHED');
    const corrected = new Date().toISOString();

    const exported = (format: string, asOfInstant: string, as: Record<string, string> = {}) => request(url()).get('/oversight/annual-reports/445300/2025').query({ format, asOfInstant }).set(as);
    const asQueried = async (at: string) => (await ok<{ annualReport: Report }>(REPORT, { year: 2025, agency: '445300', at }, {})).annualReport;
    const fileName = (at: string, extension: string) => `attachment; filename="annual-report-445300-2025-as-of-${at.replace('.000Z', 'Z').replace(/:/g, '-')}.${extension}"`;
    for (const [at, newThisYear, overview] of [
      [firstVersion, 2, '2025年，我局认真贯彻《条例》…'],
      [corrected, 3, '更正：补录一件2025年申请。'],
    ] as const) {
      const queried = await asQueried(at);
      expect(queried.applications.total.newThisYear).toBe(newThisYear);
      const json = await exported('json', at);
      expect(json.status).toBe(200);
      expect(json.headers['content-disposition']).toBe(fileName(at, 'json'));
      const body = JSON.parse(json.text) as Report & { overview: string };
      expect(body).toMatchObject({ source: 'PUBLISHED', year: 2025, overview });
      expect({ applications: body.applications, proactive: body.proactive, appeals: body.appeals, notCounted: body.notCounted }).toEqual({
        applications: queried.applications,
        proactive: queried.proactive,
        appeals: queried.appeals,
        notCounted: queried.notCounted,
      });
      const csv = await exported('csv', at);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toBe(fileName(at, 'csv'));
      expect(csvFigures(csv.text)).toEqual(Object.fromEntries(queried.figures.map((f) => [f.key, { value: f.value, eventIds: f.eventIds }])));
    }
    const printed = await exported('html', firstVersion);
    expect(printed.status).toBe(200);
    expect(printed.text).toContain(`截至 ${firstVersion}（UTC）已发布并有效的版本。`);
    expect(printed.text).toContain('2025年，我局认真贯彻《条例》…');
    const [before, after] = [csvFigures((await exported('csv', firstVersion)).text), csvFigures((await exported('csv', corrected)).text)];
    expect([before['applications.TOTAL.newThisYear'].value, after['applications.TOTAL.newThisYear'].value]).toEqual([2, 3]);
    expect([before['applications.TOTAL.outcomes.DISCLOSED'].value, after['applications.TOTAL.outcomes.DISCLOSED'].value]).toEqual([0, 1]);
    expect(after['applications.TOTAL.outcomes.UNAVAILABLE_NOT_HELD']).toEqual(before['applications.TOTAL.outcomes.UNAVAILABLE_NOT_HELD']);

    // The office asking at an instant gets what was published then, not its live computation.
    const forOffice = JSON.parse((await exported('json', firstVersion, office)).text) as Report;
    expect(forOffice).toMatchObject({ source: 'PUBLISHED', applications: { total: { newThisYear: 2 } } });
    // An offset other than Z names the same instant.
    const inBeijing = new Date(Date.parse(firstVersion) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(JSON.parse((await exported('json', inBeijing)).text)).toMatchObject({ applications: { total: { newThisYear: 2 } } });

    const beforeAny = await exported('csv', '2026-01-01T00:00:00+08:00');
    expect(beforeAny.status).toBe(404);
    expect(beforeAny.body).toMatchObject({ code: 'NOT_FOUND', rule: 'ANNUAL_REPORT_NOT_PUBLISHED' });
    for (const bad of ['yesterday', '2026-02-01', '2026-02-01T08:00:00', '']) {
      const refused = await exported('csv', bad);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT' });
    }
    // The same refusal as the DateTime scalar's (asked as a literal: a refused variable reaches callers without its rule).
    expect((await graphql(url(), '{ annualReport(year: 2025, agencyCode: "445300", asOfInstant: "yesterday") { year } }', {}, {})).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT' });
    // The same value as a variable: the same code and rule.
    const asVariable = await graphql(url(), 'query ($at: DateTime) { annualReport(year: 2025, agencyCode: "445300", asOfInstant: $at) { year } }', { at: 'yesterday' }, {});
    expect(asVariable.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT' });
  });
});
